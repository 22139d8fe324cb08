package napster.broker;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code napster broker}: only the broker and its web console, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs the ActiveMQ broker (activemq.xml in --config-dir) and its web console until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
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
                BrokerMain.printRunning(out);
                signal.await();
            }
        }
        return 0;
    }
}
