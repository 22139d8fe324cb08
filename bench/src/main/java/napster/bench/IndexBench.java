package napster.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import napster.common.protocol.Browse;
import napster.common.protocol.Message;
import napster.common.protocol.Search;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Update;
import napster.indexer.service.IndexService;
import napster.indexer.index.FileIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench index}: the indexer's index alone, without broker, kept in a temporary folder
 * as {@code ./napster up} keeps it: how fast it takes registrations (through the indexer's own
 * service, as register and update messages arrive; making the messages is not counted), how
 * soon a change is visible to searches, and the latency of single-threaded requests of each
 * kind people make, answered as the indexer answers them (query parsed, reply text written).
 * <p>JSON: {@code {"files","peers","buildMillis","filesPerSecond","settleMillis","segments","visibleP50Millis",
 * "visibleMaxMillis","searches","limit","kinds":[{"kind","meanMicros","p50Micros","p99Micros",
 * "resultsPerRequest"}]}}.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Registration rate, visibility and request latency of the index, in this process.")
final class IndexBench implements Callable<Integer> {
    private static final int LIMIT = 100;
    private static final int VISIBILITY_PROBES = 50;

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

    @Option(names = "--searches", paramLabel = "S", defaultValue = "20000",
            description = "Requests to time of each kind (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic library and the queries.")
    long seed;

    @Option(names = "--kinds", paramLabel = "KIND", split = ",",
            description = "Only these kinds of request: ${COMPLETION-CANDIDATES} (default: all).")
    List<RequestKind> only;

    record KindReport(String kind, double meanMicros, double p50Micros, double p99Micros, double resultsPerRequest) {
    }

    record Report(long files, int peers, long buildMillis, double filesPerSecond, long settleMillis, int segments,
                  double visibleP50Millis, double visibleMaxMillis, int searches, int limit, List<KindReport> kinds) {
    }

    @Override
    public Integer call() throws Exception {
        if (files < 1 || peers < 1 || peers > files || searches < 1) {
            throw new ParameterException(spec.commandLine(), "--files, --peers and --searches must be at least 1,"
                    + " with no more peers than files.");
        }
        SyntheticLibrary library = new SyntheticLibrary(seed, SyntheticLibrary.DEFAULT_WORDS);
        try (ScratchIndex scratch = ScratchIndex.create()) {
            FileIndex index = scratch.index();
            IndexService service = new IndexService(index, Clock.systemUTC());
            OutputOptions.progress(spec.commandLine().getErr(), "Indexing " + files + " files of " + peers
                    + " peers ...");
            long buildNanos = DirectRegistration.register(service, library, files, peers);
            index.awaitChangesVisible();
            long settleMillis = settle(index);
            LatencyStats visible = visibility(service, index, library);
            settle(index);
            int segments = index.segments();

            List<KindReport> kinds = new ArrayList<>();
            for (RequestKind kind : only == null ? List.of(RequestKind.values()) : only) {
                OutputOptions.progress(spec.commandLine().getErr(), "Timing " + searches + " requests: "
                        + kind.label + " ...");
                // untimed requests first (others, as many as timed, at least 5,000): the JIT and the
                // collector's young-generation sizing take a few seconds to settle
                run(requests(service, library, kind, seed + 2, Math.max(searches, 5_000)), null);
                List<Request> timed = requests(service, library, kind, seed + 1, searches);
                long[] nanos = new long[searches];
                long began = System.nanoTime();
                long cpuBefore = ProcessCpu.nanos();
                long results = run(timed, nanos);
                LatencyStats stats = LatencyStats.of(nanos, searches, (System.nanoTime() - began) / 1e9,
                        ProcessCpu.nanos() - cpuBefore);
                kinds.add(new KindReport(kind.label, stats.meanMillis() * 1e3, stats.p50Millis() * 1e3,
                        stats.p99Millis() * 1e3, (double) results / searches));
            }
            Report report = new Report(files, peers, buildNanos / 1_000_000, files / (buildNanos / 1e9),
                    settleMillis, segments, visible.p50Millis(), visible.p999Millis(), searches, LIMIT, kinds);
            output.print(spec.commandLine().getOut(), report, text(report));
        }
        return 0;
    }

    private static String text(Report report) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d files of %d peers indexed in %d ms (%.0f files/s), merges done %d ms later (%d segments);"
                        + " a change visible to searches after %.1f ms (p50 of %d, max %.1f ms). %d requests of each"
                        + " kind, limit %d:%n", report.files(), report.peers(), report.buildMillis(),
                report.filesPerSecond(), report.settleMillis(), report.segments(), report.visibleP50Millis(),
                VISIBILITY_PROBES, report.visibleMaxMillis(), report.searches(), report.limit()));
        for (KindReport kind : report.kinds()) {
            text.append(String.format(Locale.ROOT, "  %-26s mean %7.1f µs, p50 %7.1f µs, p99 %7.1f µs, %.1f results%n",
                    kind.kind(), kind.meanMicros(), kind.p50Micros(), kind.p99Micros(), kind.resultsPerRequest()));
        }
        return text.toString().stripTrailing();
    }

    /** One request as the indexer answers it; returns the number of results. */
    private record Request(IntSupplier answer) {
    }

    private List<Request> requests(IndexService service, SyntheticLibrary library, RequestKind kind, long requestSeed,
                                   int count) {
        SplittableRandom random = new SplittableRandom(requestSeed);
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Message request = kind.request(library, random, files, peers, LIMIT);
            if (request instanceof Search search) {
                requests.add(new Request(() -> service.search(search).results()));
            } else {
                Browse browse = (Browse) request;
                requests.add(new Request(() -> service.browse(browse).orElseThrow().files()));
            }
        }
        return requests;
    }

    /** Runs the requests, each one's time into {@code nanos} (if given); returns the results found. */
    private static long run(List<Request> requests, long[] nanos) {
        long results = 0;
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            results += requests.get(i).answer().getAsInt();
            if (nanos != null) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return results;
    }

    /** Waits (at most 5 minutes) until no merge runs: searches are timed on the index at rest; the ms it took. */
    static long settle(FileIndex index) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + Duration.ofMinutes(5).toNanos();
        while (index.merging() && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a background merge: there is nothing to wait on
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** How long a change takes to become visible to searches, over a few one-file updates. */
    private LatencyStats visibility(IndexService service, FileIndex index, SyntheticLibrary library)
            throws InterruptedException {
        long[] nanos = new long[VISIBILITY_PROBES];
        long began = System.nanoTime();
        long cpuBefore = ProcessCpu.nanos();
        for (int i = 0; i < VISIBILITY_PROBES; i++) {
            SharedFile file = library.file(files + i);
            long start = System.nanoTime();
            service.handle(new Update(LibraryRegistrar.peerKey(0), List.of(file), List.of()), "peer");
            CountDownLatch visible = new CountDownLatch(1);
            index.afterChangesVisible(visible::countDown);
            if (!visible.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("A change did not become visible in 30 s.");
            }
            nanos[i] = System.nanoTime() - start;
        }
        return LatencyStats.of(nanos, VISIBILITY_PROBES, (System.nanoTime() - began) / 1e9,
                ProcessCpu.nanos() - cpuBefore);
    }
}
