package napster.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import napster.common.protocol.Ack;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.share.FileHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench register}: how fast a share gets into the index and how fast files are hashed.
 * Registration is the real path (register plus updates of 1,000 files, all sent before the
 * replies are awaited, through the broker to the indexer) for one peer with F files, hashing
 * excluded (the files are made up front); repeated, best and median reported. Hashing is
 * FileHasher over a real file, as {@code share} hashes (with 4 MiB chunk hashes), from the
 * page cache.
 * <p>JSON: {@code {"broker","files","runs","registerSeconds":[...],"bestFilesPerSecond",
 * "medianFilesPerSecond","hashBytes","hashSeconds","hashMBps"}}.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Files per second for a registration (hashing excluded) and hashing MB/s.")
final class RegisterBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--files", paramLabel = "F", defaultValue = "100000",
            description = "Files in the registration (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Registrations (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--hash-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Size of the file hashed (default: ${DEFAULT-VALUE}, 256 MiB).")
    long hashBytes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic library.")
    long seed;

    record Report(String broker, int files, int runs, List<Double> registerSeconds, double bestFilesPerSecond,
                  double medianFilesPerSecond, long hashBytes, double hashSeconds, double hashMBps) {
    }

    @Override
    public Integer call() throws Exception {
        if (files < 1 || runs < 1 || hashBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--files, --runs and --hash-bytes must be at least 1.");
        }
        List<SharedFile> share = new SyntheticLibrary(seed, SyntheticLibrary.DEFAULT_WORDS).files(0, files);
        List<Double> seconds = new ArrayList<>();
        String description;
        try (BenchSystem system = BenchSystem.start(broker);
             IndexClient client = IndexClient.connect(system.peer(), "bench-register", Duration.ofSeconds(120))) {
            description = system.description();
            for (int run = 0; run < runs; run++) {
                long began = System.nanoTime();
                Ack ack = client.register("bench-register-key-0001", "127.0.0.1", 20_000, share);
                double took = (System.nanoTime() - began) / 1e9;
                if (ack.files() != files) {
                    throw new IllegalStateException("The indexer acknowledged " + ack.files() + " files, not " + files + ".");
                }
                seconds.add(took);
                OutputOptions.progress(spec.commandLine().getErr(), String.format(Locale.ROOT,
                        "registration %d: %d files in %.3f s (%.0f files/s)", run + 1, files, took, files / took));
            }
        }
        double hashSeconds = hashSeconds();
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        Report report = new Report(description, files, runs, seconds, files / sorted.get(0), files / median, hashBytes,
                hashSeconds, hashBytes / 1e6 / hashSeconds);
        output.print(spec.commandLine().getOut(), report, String.format(Locale.ROOT,
                "Registration of %d files (hashing excluded): best %.0f files/s, median %.0f files/s over %d runs.%n"
                        + "Hashing (SHA-256 and 4 MiB chunk hashes, page cache): %.0f MB/s (%d bytes in %.3f s).",
                files, report.bestFilesPerSecond(), report.medianFilesPerSecond(), runs, report.hashMBps(), hashBytes,
                hashSeconds));
        return 0;
    }

    /* Writes a file of random bytes, reads it once to warm the page cache, then times the hashing. */
    private double hashSeconds() throws IOException {
        Path file = Files.createTempFile("napster-bench-hash", ".bin");
        try {
            SplittableRandom random = new SplittableRandom(seed);
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (long written = 0; written < hashBytes; written += block.limit()) {
                    block.clear();
                    while (block.remaining() >= Long.BYTES) {
                        block.putLong(random.nextLong());
                    }
                    block.flip().limit((int) Math.min(block.limit(), hashBytes - written));
                    while (block.hasRemaining()) {
                        out.write(block);
                    }
                }
            }
            FileHasher.sha256(file); // warm the page cache and the JIT
            long began = System.nanoTime();
            FileHasher.hash(file);
            return (System.nanoTime() - began) / 1e9;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
