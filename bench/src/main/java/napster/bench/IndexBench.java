package napster.bench;

import java.time.Clock;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import napster.indexer.FileIndex;
import napster.indexer.IndexService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench index}: the indexer's in-memory index alone, without broker or JSON: the time
 * it takes to build (through the indexer's own service, as register and update messages
 * arrive; making the messages is not counted) and the latency of single-threaded name searches with the queries people type.
 * <p>JSON: {@code {"files","peers","buildMillis","searches","limit","meanMicros","p50Micros",
 * "p99Micros","searchesPerSecond","hitsPerSearch"}}.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build time and search latency of the in-memory index, in this process.")
final class IndexBench implements Callable<Integer> {
    private static final int LIMIT = 100;

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
            description = "Searches to time (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic library and the queries.")
    long seed;

    record Report(long files, int peers, long buildMillis, int searches, int limit, double meanMicros,
                  double p50Micros, double p99Micros, double searchesPerSecond, double hitsPerSearch) {
    }

    @Override
    public Integer call() throws Exception {
        if (files < 1 || peers < 1 || peers > files || searches < 1) {
            throw new ParameterException(spec.commandLine(), "--files, --peers and --searches must be at least 1,"
                    + " with no more peers than files.");
        }
        SyntheticLibrary library = new SyntheticLibrary(seed, SyntheticLibrary.DEFAULT_WORDS);
        FileIndex index = new FileIndex();
        IndexService service = new IndexService(index, Clock.systemUTC());
        OutputOptions.progress(spec.commandLine().getErr(), "Indexing " + files + " files of " + peers + " peers ...");
        long buildMillis = DirectRegistration.register(service, library, files, peers) / 1_000_000;

        // untimed searches first (other queries, as many as timed, at least 5,000): the JIT and
        // the collector's young-generation sizing take a few seconds to settle after the build
        String[] warmUp = queries(library, seed + 2, Math.max(searches, 5_000));
        search(index, warmUp, new long[warmUp.length]);
        OutputOptions.progress(spec.commandLine().getErr(), "Timing " + searches + " searches ...");
        String[] queries = queries(library, seed + 1, searches);
        long[] nanos = new long[searches];
        long began = System.nanoTime();
        long hits = search(index, queries, nanos);
        double seconds = (System.nanoTime() - began) / 1e9;
        LatencyStats stats = LatencyStats.of(nanos, searches, seconds);

        Report report = new Report(files, peers, buildMillis, searches, LIMIT, stats.meanMillis() * 1e3,
                stats.p50Millis() * 1e3, stats.p99Millis() * 1e3, stats.throughput(), (double) hits / searches);
        output.print(spec.commandLine().getOut(), report, String.format(Locale.ROOT,
                "%d files of %d peers indexed in %d ms; %d searches (limit %d, %.1f hits each): mean %.1f µs,"
                        + " p50 %.1f µs, p99 %.1f µs, %.0f searches/s.", files, peers, buildMillis, searches, LIMIT,
                report.hitsPerSearch(), report.meanMicros(), report.p50Micros(), report.p99Micros(),
                report.searchesPerSecond()));
        return 0;
    }

    private String[] queries(SyntheticLibrary library, long querySeed, int count) {
        SplittableRandom random = new SplittableRandom(querySeed);
        String[] queries = new String[count];
        for (int i = 0; i < count; i++) {
            queries[i] = library.query(random, files);
        }
        return queries;
    }

    /** Runs the queries as the indexer answers them (reply text included), each one's time into {@code nanos}; returns the hits found. */
    private static long search(FileIndex index, String[] queries, long[] nanos) {
        long hits = 0;
        for (int i = 0; i < queries.length; i++) {
            long start = System.nanoTime();
            hits += index.searchText(queries[i], LIMIT).results();
            nanos[i] = System.nanoTime() - start;
        }
        return hits;
    }
}
