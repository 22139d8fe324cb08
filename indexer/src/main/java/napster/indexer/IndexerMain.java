package napster.indexer;

import napster.indexer.service.IndexBudget;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code napster indexer}: runs the index against a broker until killed, riding out broker
 * restarts. Exit codes: 1 when the broker cannot be reached at start or is lost for good (a
 * failover URL with limited reconnect attempts; one sentence on stderr), 2 on bad usage.
 */
@Command(name = "indexer", mixinStandardHelpOptions = true, version = "napster indexer 0.1.0",
        description = "Keeps the napster file index: consumes napster.register and napster.search on the broker.")
public final class IndexerMain implements Callable<Integer> {
    @Option(names = "--broker", paramLabel = "URL",
            description = "Broker URL (default: $NAPSTER_BROKER, else " + ClientSettings.DEFAULT_BROKER_URL + ").")
    String broker;

    @Option(names = "--user", description = "Broker user (default: $NAPSTER_USER, else indexer).")
    String user;

    @Option(names = "--password", description = "Broker password (default: $NAPSTER_PASSWORD, else the default "
            + "password of user indexer).")
    String password;

    @Option(names = "--missed-beats", paramLabel = "N", defaultValue = "" + IndexerSettings.DEFAULT_MISSED_BEATS,
            description = "Drop a peer after it misses this many heartbeats in a row (default: ${DEFAULT-VALUE}).")
    int missedBeats;

    @Option(names = "--max-files", paramLabel = "N",
            description = "Index at most N files; registrations past it are refused with index-full (default: no count"
                    + " limit; the index never takes more than half of the heap, -Xmx, either way).")
    Long maxFiles;

    @Option(names = "--search-rate", paramLabel = "N", defaultValue = "" + IndexerSettings.DEFAULT_SEARCH_RATE,
            description = "Answer at most N requests a second (bursts of 2N) on napster.search per client connection;"
                    + " 0: no limit (default: ${DEFAULT-VALUE}).")
    int searchRate;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the index in DIR, mapped from disk instead of held in the heap (default: in memory).")
    Path data;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with its error handling, as {@code main} runs it (tests run it the same way). */
    static CommandLine commandLine() {
        return new CommandLine(new IndexerMain()).setExecutionExceptionHandler(IndexerMain::reportFailure);
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        ClientSettings settings;
        try {
            settings = ClientSettings.resolve(broker, user, password, System.getenv(), "indexer");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (missedBeats < 1) {
            throw new ParameterException(spec.commandLine(), "--missed-beats must be at least 1.");
        }
        if (maxFiles != null && maxFiles < 1) {
            throw new ParameterException(spec.commandLine(), "--max-files must be at least 1.");
        }
        if (searchRate < 0) {
            throw new ParameterException(spec.commandLine(), "--search-rate must be 0 (no limit) or more.");
        }
        Indexer indexer = Indexer.start(settings, IndexerSettings.defaults().withMissedBeats(missedBeats)
                .withBudget(maxFiles == null ? IndexBudget.standalone() : IndexBudget.standalone().withMaxFiles(maxFiles))
                .withSearchRate(searchRate).withIndexFolder(data == null ? null : data.resolve("index")));
        Thread closer = new Thread(() -> closeQuietly(indexer), "indexer-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Indexer ready (broker " + settings.brokerUrl() + ").");
        out.flush();
        // runs until killed (the hook closes the indexer) or until the broker is gone for good, which happens
        // only with a failover URL that limits reconnect attempts: by default it waits for the broker to return
        String reason = indexer.brokerLost().join();
        Runtime.getRuntime().removeShutdownHook(closer);
        closeQuietly(indexer);
        spec.commandLine().getErr().println(reason);
        return 1;
    }

    /** One sentence on stderr instead of a stack trace. */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String sentence = e instanceof BrokerUnavailableException
                ? e.getMessage()
                : "The indexer failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        command.getErr().println(sentence);
        return 1;
    }

    private static void closeQuietly(Indexer indexer) {
        try {
            indexer.close();
        } catch (Exception ignored) {
            // shutting down either way; the broker drops the connection
        }
    }
}
