package napster.broker;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code napster broker}: only the broker, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs the ActiveMQ broker (activemq.xml in --config-dir) until Ctrl-C.")
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
        PrintWriter out = main.spec.commandLine().getOut();
        try (ShutdownSignal signal = main.newShutdownSignal();
             BrokerLauncher broker = BrokerLauncher.start(settings)) {
            BrokerMain.printListening(out, broker);
            BrokerMain.printRunning(out);
            signal.await();
        }
        return 0;
    }
}
