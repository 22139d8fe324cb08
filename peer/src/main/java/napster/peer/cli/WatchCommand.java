package napster.peer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import napster.common.jms.Destinations;
import napster.common.protocol.Fields;
import napster.common.query.BadQueryException;
import napster.common.query.QueryParser;
import napster.common.query.SearchQuery;
import napster.common.protocol.Search;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watch QUERY}: print matching files as peers start or stop sharing them, until Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow the index: print each file matching QUERY (part of the name, any case, or a SHA-256)"
                + " as a peer starts (+) or stops (-) sharing it, until stopped with Ctrl-C.")
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "QUERY", description = "Words, \"phrases\" and -exclusions as search takes them, or a SHA-256.")
    String query;

    @Option(names = "--json", description = "Print one JSON document per line instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (query.isBlank()) {
            throw new IllegalArgumentException("The watch text must not be blank.");
        }
        SearchQuery parsed;
        try {
            parsed = QueryParser.parse(query);
        } catch (BadQueryException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileEventPrinter printer = new FileEventPrinter(out, parsed, json);
        IndexClient index = IndexClient.connectResilient(client.settings(), "watch", client.timeout(),
                Duration.ofSeconds(5), new BrokerNotice(err));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            index.close();
            stopped.countDown();
        }, "watch-shutdown"));
        index.subscribe(Destinations.EVENTS, printer::accept);
        try {
            String hash = Fields.sha256AnyCase(query);
            printer.knownHolders(index.search(hash != null ? Search.byHash(hash)
                    : new Search(query, null, Fields.MAX_SEARCH_LIMIT)).results());
        } catch (IndexException | IllegalArgumentException e) {
            // only used to tell when a peer already holding matches leaves; watching works without it
        }
        if (!json) {
            out.println("Watching for files matching \"" + query + "\"; press Ctrl-C to stop.");
            out.flush();
        }
        stopped.await();
        return 0;
    }

    /** Tells the user on stderr when the broker goes away and comes back (events in between are missed). */
    private static final class BrokerNotice implements org.apache.activemq.transport.TransportListener {
        private final PrintWriter err;
        private volatile boolean interrupted;

        BrokerNotice(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onCommand(Object command) {
        }

        @Override
        public void onException(java.io.IOException error) {
        }

        @Override
        public void transportInterupted() {
            interrupted = true;
            err.println("Lost the broker; reconnecting ...");
            err.flush();
        }

        @Override
        public void transportResumed() {
            if (!interrupted) {
                return;
            }
            interrupted = false;
            err.println("Reconnected to the broker (changes in between were missed).");
            err.flush();
        }
    }
}
