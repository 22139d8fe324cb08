package napster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import napster.indexer.service.IndexService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench memory}: heap bytes per indexed file, measured: the used heap after full
 * collections with the index built (through the indexer's own service, as register messages
 * arrive) minus the used heap after full collections before, divided by the files. The
 * messages themselves are made and dropped batch by batch, so only the index stays.
 * <p>JSON: {@code {"files","peers","heapBeforeBytes","heapAfterBytes","indexBytes","bytesPerFile",
 * "maxHeapBytes"}}.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Heap bytes per indexed file, measured after garbage collection.")
final class MemoryBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--files", paramLabel = "F", defaultValue = "1000000",
            description = "Files to index (default: ${DEFAULT-VALUE}).")
    long files;

    @Option(names = "--peers", paramLabel = "P", defaultValue = "1000",
            description = "Simulated peers sharing them (default: ${DEFAULT-VALUE}).")
    int peers;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic library.")
    long seed;

    record Report(long files, int peers, long heapBeforeBytes, long heapAfterBytes, long indexBytes,
                  double bytesPerFile, long maxHeapBytes) {
    }

    @Override
    public Integer call() throws Exception {
        if (files < 1 || peers < 1 || peers > files) {
            throw new ParameterException(spec.commandLine(), "--files and --peers must be at least 1, with no more"
                    + " peers than files.");
        }
        SyntheticLibrary library = new SyntheticLibrary(seed, SyntheticLibrary.DEFAULT_WORDS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long after;
        try (ScratchIndex scratch = ScratchIndex.create()) {
            IndexService service = new IndexService(scratch.index(), Clock.systemUTC());
            OutputOptions.progress(spec.commandLine().getErr(), "Indexing " + files + " files of " + peers
                    + " peers ...");
            DirectRegistration.register(service, library, files, peers);
            scratch.index().awaitChangesVisible();
            after = usedAfterGc(memory);
            long indexed = service.stats().files();
            if (indexed != files) {
                throw new IllegalStateException("The index holds " + indexed + " files, not " + files + ".");
            }
            Reference.reachabilityFence(service);
        }
        Report report = new Report(files, peers, before, after, after - before, (double) (after - before) / files,
                memory.getHeapMemoryUsage().getMax());
        output.print(spec.commandLine().getOut(), report, String.format(Locale.ROOT,
                "%d files of %d peers: %.1f bytes of heap per indexed file (%.1f MiB in all; heap %d MiB before,"
                        + " %d MiB after, max %d MiB).", files, peers, report.bytesPerFile(),
                report.indexBytes() / 1048576.0, before >> 20, after >> 20, report.maxHeapBytes() >> 20));
        return 0;
    }

    /** Used heap once full collections stop freeing anything (a few rounds). */
    static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - (used >> 10)) {
                return Math.min(used, now);
            }
            used = now;
        }
        return used;
    }
}
