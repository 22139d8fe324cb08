package napster.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jakarta.jms.Connection;
import napster.common.jms.BrokerConnector;
import napster.common.jms.Delivery;
import napster.common.jms.JmsCodec;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Browse;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench search}: N concurrent clients (1, 2, 4, ... by default), each doing one search
 * after the other over an index of F files shared by P simulated peers, with mean, p50, p99,
 * p99.9 latency and throughput per N; and in the same run, on the same broker, a bare
 * request-reply echo with messages of the same size and no index work, so the broker's own
 * cost shows as a ratio: of throughputs, and of the CPU time the whole process (broker, indexer
 * and clients, with the in-process broker) spends per round trip, the steadier of the two.
 * <p>JSON: {@code {"broker","files","peers","queryLimit","requestBytes","replyBytes",
 * "registerSeconds","registerFilesPerSecond","levels":[{"clients","search":{stats},"echo":{stats},
 * "p50Ratio","throughputRatio","cpuRatio"}]}}, stats being {@code {"count","seconds","throughput",
 * "meanMillis","p50Millis","p99Millis","p999Millis","cpuMicros"}}; cpuRatio is the echo's CPU per
 * round trip over the search's, comparable to throughputRatio. Then each kind of request
 * ({@link RequestKind}: one word, two words, a word and a prefix, filters, a SHA-256, a browse
 * page) at one number of clients: {@code "kinds":[{"kind","clients","stats":{stats}}]}.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search latency and throughput per number of concurrent clients, next to a bare broker echo.")
final class SearchBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--files", paramLabel = "F", defaultValue = "100000",
            description = "Files in the index (default: ${DEFAULT-VALUE}; try 1000000).")
    long files;

    @Option(names = "--peers", paramLabel = "P", defaultValue = "1000",
            description = "Simulated peers sharing them (default: ${DEFAULT-VALUE}).")
    int peers;

    @Option(names = "--clients", paramLabel = "N,N...", split = ",", defaultValue = "1,2,4,8,16,32",
            description = "Concurrent clients, one level after the other (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Measured seconds per level and kind (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "2",
            description = "Warm-up seconds before each measurement (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Results asked for per search, as ./napster search asks (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic library and queries.")
    long seed;

    @Option(names = "--kinds", paramLabel = "KIND", split = ",",
            description = "Kinds of request timed after the levels, one after the other: ${COMPLETION-CANDIDATES}"
                    + " (default: all; NONE for none).")
    List<String> kindNames;

    @Option(names = "--kind-clients", paramLabel = "N", defaultValue = "16",
            description = "Concurrent clients for each kind of request (default: ${DEFAULT-VALUE}).")
    int kindClients;

    /** One level of concurrency: the search and the echo with the same number of clients. */
    record Level(int clients, LatencyStats search, LatencyStats echo, double p50Ratio, double throughputRatio,
                 double cpuRatio) {
    }

    /** One kind of request at {@code clients} concurrent clients. */
    record KindLevel(String kind, int clients, LatencyStats stats) {
    }

    /** The whole run. */
    record Report(String broker, long files, int peers, int queryLimit, int requestBytes, int replyBytes,
                  double registerSeconds, double registerFilesPerSecond, List<Level> levels, List<KindLevel> kinds) {
    }

    @Override
    public Integer call() throws Exception {
        List<RequestKind> kinds = kinds();
        validate();
        PrintWriter err = spec.commandLine().getErr();
        SyntheticLibrary library = new SyntheticLibrary(seed, SyntheticLibrary.DEFAULT_WORDS);
        try (BenchSystem system = BenchSystem.start(broker)) {
            OutputOptions.progress(err, "Registering " + files + " files of " + peers + " peers at " + system.description()
                    + " ...");
            List<Level> levels = new ArrayList<>();
            List<KindLevel> byKind = new ArrayList<>();
            double registerSeconds;
            Sample sample;
            try (PeerHeartbeats heartbeats = PeerHeartbeats.start(system.peer(), peers)) {
                Duration took = new LibraryRegistrar(library, system.peer()).register(files, peers, 4,
                        heartbeats::registered);
                registerSeconds = took.toNanos() / 1e9;
                // searches are timed on the index at rest, as bench index times them, not beside a merge
                long settled = IndexBench.settle(system.indexer().service().index());
                OutputOptions.progress(err, String.format(Locale.ROOT,
                        "Registered in %.2f s (%.0f files/s); merges done %d ms later.", registerSeconds,
                        files / registerSeconds, settled));
                sample = sample(system, library);
                try (EchoResponder echo = EchoResponder.start(system.admin(), sample.replyBody())) {
                    measure(system, library, kinds, levels, byKind);
                }
                // the numbers only count if the index stayed whole: every simulated peer kept its lease
                long indexed = system.indexer().stats().files();
                if (heartbeats.failure() != null || indexed != files) {
                    throw new IllegalStateException("The index did not stay whole during the run (" + indexed + " of "
                            + files + " files; heartbeat failure: " + heartbeats.failure() + ")");
                }
            }
            Report report = new Report(system.description(), files, peers, limit, sample.requestBytes(),
                    sample.replyBytes(), registerSeconds, files / registerSeconds, levels, byKind);
            if (output.plotDir != null) {
                SearchPlots.write(report, output.plotDir);
            }
            output.print(spec.commandLine().getOut(), report, table(report));
        }
        return 0;
    }

    /* Each level of clients (the search, then the echo), then each kind of request. */
    private void measure(BenchSystem system, SyntheticLibrary library, List<RequestKind> kinds, List<Level> levels,
                         List<KindLevel> byKind) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        for (int n : clients) {
            LatencyStats search = ClientLoad.run(n, index -> searcher(system, library, index), span(warmup),
                    span(seconds));
            OutputOptions.progress(err, line("search", n, search));
            LatencyStats bare = ClientLoad.run(n, index -> echoer(system, library, index), span(warmup),
                    span(seconds));
            OutputOptions.progress(err, line("echo", n, bare));
            levels.add(new Level(n, search, bare, search.p50Millis() / bare.p50Millis(),
                    search.throughput() / bare.throughput(), bare.cpuMicros() / search.cpuMicros()));
        }
        for (RequestKind kind : kinds) {
            LatencyStats stats = ClientLoad.run(kindClients, index -> requester(system, library, kind, index),
                    span(warmup), span(seconds));
            OutputOptions.progress(err, line(kind.label, kindClients, stats));
            byKind.add(new KindLevel(kind.label, kindClients, stats));
        }
    }

    private List<RequestKind> kinds() {
        if (kindNames == null) {
            return List.of(RequestKind.values());
        }
        List<RequestKind> kinds = new ArrayList<>();
        for (String name : kindNames) {
            if (name.equalsIgnoreCase("NONE")) {
                continue;
            }
            try {
                kinds.add(RequestKind.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--kinds takes " + List.of(RequestKind.values())
                        + " or NONE, not " + name + ".");
            }
        }
        return kinds;
    }

    private void validate() {
        if (files < 1 || peers < 1 || peers > files) {
            throw new ParameterException(spec.commandLine(), "--files and --peers must be at least 1, with no more"
                    + " peers than files.");
        }
        if (clients.isEmpty() || clients.stream().anyMatch(n -> n < 1 || n > 1024)) {
            throw new ParameterException(spec.commandLine(), "--clients must list numbers from 1 to 1024.");
        }
        if (seconds <= 0 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--seconds must be positive and --warmup not negative.");
        }
        if (kindClients < 1 || kindClients > 1024) {
            throw new ParameterException(spec.commandLine(), "--kind-clients must be from 1 to 1024.");
        }
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000.");
        }
    }

    /** The message sizes of typical searches, and a real reply of the typical size for the echo to send. */
    record Sample(int requestBytes, int replyBytes, String replyBody) {
    }

    private Sample sample(BenchSystem system, SyntheticLibrary library) throws Exception {
        ProtocolCodec codec = ProtocolCodec.standard();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> replies = new ArrayList<>();
        long requestBytes = 0;
        try (IndexClient client = IndexClient.connect(system.peer(), "bench-sample", Duration.ofSeconds(30))) {
            for (int i = 0; i < 200; i++) {
                Search search = new Search(library.query(random, files), null, limit);
                requestBytes += codec.encode(search).length();
                replies.add(codec.encode(client.search(search)));
            }
        }
        double mean = replies.stream().mapToInt(String::length).average().orElse(0);
        String typical = replies.stream().min((a, b) -> Double.compare(Math.abs(a.length() - mean),
                Math.abs(b.length() - mean))).orElseThrow();
        return new Sample((int) (requestBytes / 200), typical.length(), typical);
    }

    private ClientLoad.Client searcher(BenchSystem system, SyntheticLibrary library, int index) throws Exception {
        IndexClient client = IndexClient.connect(system.peer(), "bench-search-" + index, Duration.ofSeconds(30));
        SplittableRandom random = new SplittableRandom(seed + 1 + index);
        return new ClientLoad.Client() {
            @Override
            public void roundTrip() throws Exception {
                // every query is a word of an indexed name: an empty answer means the index lost files
                if (client.search(new Search(library.query(random, files), null, limit)).results().isEmpty()) {
                    throw new IllegalStateException("A search found nothing although its word is in the index");
                }
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /* One kind of request after the other, each checked to find something (a browse: a page of files). */
    private ClientLoad.Client requester(BenchSystem system, SyntheticLibrary library, RequestKind kind, int index)
            throws Exception {
        IndexClient client = IndexClient.connect(system.peer(), "bench-" + kind.name().toLowerCase(Locale.ROOT) + "-"
                + index, Duration.ofSeconds(30));
        SplittableRandom random = new SplittableRandom(seed + 1 + index);
        return new ClientLoad.Client() {
            @Override
            public void roundTrip() throws Exception {
                Message request = kind.request(library, random, files, peers, limit);
                boolean found = request instanceof Browse browse ? !client.browse(browse).files().isEmpty()
                        : !client.search((Search) request).results().isEmpty();
                if (!found) {
                    throw new IllegalStateException("A " + kind.label + " request found nothing: " + request);
                }
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /* The same request as a search, to the echo queue, through the same request-reply client and codec. */
    private ClientLoad.Client echoer(BenchSystem system, SyntheticLibrary library, int index) throws Exception {
        Connection connection = new BrokerConnector(system.admin()).connect("bench-echo-" + index);
        RequestReplyClient requests = new RequestReplyClient(connection, new JmsCodec(ProtocolCodec.standard()));
        SplittableRandom random = new SplittableRandom(seed + 1 + index);
        return new ClientLoad.Client() {
            @Override
            public void roundTrip() throws Exception {
                Message reply = requests.request(EchoResponder.QUEUE, new Search(library.query(random, files), null,
                        limit), Delivery.NON_PERSISTENT, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
                if (!(reply instanceof SearchResult)) {
                    throw new IllegalStateException("The echo answered " + reply + ".");
                }
            }

            @Override
            public void close() throws Exception {
                requests.close();
                connection.close();
            }
        };
    }

    private static Duration span(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private static String line(String kind, int clients, LatencyStats stats) {
        return String.format(Locale.ROOT, "%-6s %3d clients: %8.0f/s  p50 %6.2f ms  p99 %6.2f ms  CPU %5.0f µs", kind,
                clients, stats.throughput(), stats.p50Millis(), stats.p99Millis(), stats.cpuMicros());
    }

    static String table(Report report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Search over %d files of %d peers (%s); %d results asked for;"
                        + " request %d B, reply %d B. Registration: %.0f files/s.%n", report.files(), report.peers(),
                report.broker(), report.queryLimit(), report.requestBytes(), report.replyBytes(),
                report.registerFilesPerSecond()));
        text.append(String.format(Locale.ROOT,
                "%7s | %9s %8s %8s %8s %8s %7s | %9s %8s %8s %8s %8s %7s | %9s %9s %9s%n", "clients", "search/s",
                "mean ms", "p50 ms", "p99 ms", "p99.9 ms", "CPU µs", "echo/s", "mean ms", "p50 ms", "p99 ms", "p99.9 ms",
                "CPU µs", "p50 ratio", "tput ratio", "CPU ratio"));
        for (Level level : report.levels()) {
            LatencyStats s = level.search();
            LatencyStats e = level.echo();
            text.append(String.format(Locale.ROOT,
                    "%7d | %9.0f %8.2f %8.2f %8.2f %8.2f %7.0f | %9.0f %8.2f %8.2f %8.2f %8.2f %7.0f | %9.2f %9.2f %9.2f%n",
                    level.clients(), s.throughput(), s.meanMillis(), s.p50Millis(), s.p99Millis(), s.p999Millis(),
                    s.cpuMicros(), e.throughput(), e.meanMillis(), e.p50Millis(), e.p99Millis(), e.p999Millis(),
                    e.cpuMicros(), level.p50Ratio(), level.throughputRatio(), level.cpuRatio()));
        }
        if (!report.kinds().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nBy kind of request:%n%-30s | %7s | %10s %8s %8s %8s %8s %7s%n",
                    "kind", "clients", "requests/s", "mean ms", "p50 ms", "p99 ms", "p99.9 ms", "CPU µs"));
            for (KindLevel kind : report.kinds()) {
                LatencyStats s = kind.stats();
                text.append(String.format(Locale.ROOT, "%-30s | %7d | %10.0f %8.2f %8.2f %8.2f %8.2f %7.0f%n",
                        kind.kind(), kind.clients(), s.throughput(), s.meanMillis(), s.p50Millis(), s.p99Millis(),
                        s.p999Millis(), s.cpuMicros()));
            }
        }
        return text.toString().stripTrailing();
    }
}
