package napster.broker;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import napster.common.jms.ClientSettings;
import napster.indexer.Indexer;
import napster.indexer.IndexerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code napster up}: the broker, its web console, then the indexer connected to it, in this
 * JVM until Ctrl-C; stops them in the reverse order.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Runs the broker, its web console and the indexer in this JVM until Ctrl-C.")
final class UpCommand implements Callable<Integer> {
    static final String INDEXER_USER = "indexer";

    @ParentCommand
    BrokerMain main;

    @Mixin
    BrokerOptions options;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        BrokerSettings settings = options.settings();
        ConsoleSettings consoleSettings = options.consoleSettings();
        PrintWriter out = main.spec.commandLine().getOut();
        StartupChecks.checkConsole(consoleSettings);
        try (ShutdownSignal signal = main.newShutdownSignal();
             BrokerLauncher broker = BrokerLauncher.start(settings)) {
            BrokerMain.printListening(out, broker);
            try (WebConsole console = WebConsole.start(consoleSettings)) {
                BrokerMain.printConsole(out, console);
                // the indexer logs in with the password users.properties gives it, so changing it there is enough
                String password = BrokerUsers.read(broker.settings().usersFile()).password(INDEXER_USER).orElse(INDEXER_USER);
                try (Indexer indexer = Indexer.start(new ClientSettings(broker.localOpenWireUrl(), INDEXER_USER, password),
                        IndexerSettings.defaultsBesideBroker().withIndexFolder(settings.dataDir().resolve("indexer")))) {
                    out.println("Indexer ready.");
                    BrokerMain.printRunning(out);
                    signal.await();
                }
            }
        }
        return 0;
    }
}
