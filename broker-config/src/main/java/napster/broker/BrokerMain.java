package napster.broker;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code napster up} and {@code napster broker}: the broker (and for {@code up} the indexer) in
 * this JVM, in the foreground until Ctrl-C or SIGTERM.
 */
@Command(name = "napster", mixinStandardHelpOptions = true, version = "napster 0.1.0",
        description = "Runs the napster broker, alone or together with the indexer.",
        subcommands = {UpCommand.class, BrokerCommand.class})
public final class BrokerMain implements Runnable {
    @Spec
    CommandSpec spec;

    private volatile ShutdownSignal running;

    public static void main(String[] args) {
        System.exit(commandLine(new BrokerMain()).execute(args));
    }

    /** The command line as {@link #main} runs it: failures end as one sentence on stderr. */
    static CommandLine commandLine(BrokerMain main) {
        return new CommandLine(main).setExecutionExceptionHandler(new ErrorReporter());
    }

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: up or broker.");
    }

    /** Asks the running command to stop as Ctrl-C would (for tests). */
    void requestStop() {
        ShutdownSignal signal = running;
        if (signal != null) {
            signal.request();
        }
    }

    /** A fresh stop signal for one run, hooked to JVM shutdown. */
    ShutdownSignal newShutdownSignal() {
        ShutdownSignal signal = new ShutdownSignal().install();
        running = signal;
        return signal;
    }

    /** The first line both commands print; the README and tests parse it. */
    static void printListening(PrintWriter out, BrokerLauncher broker) {
        out.println("Broker listening on " + broker.openWireUri() + " (OpenWire) and " + broker.stompUri()
                + " (STOMP); data in " + broker.settings().dataDir());
        out.flush();
    }

    /** Printed right after {@link #printListening}: where to point a browser. */
    static void printConsole(PrintWriter out, WebConsole console) {
        out.println("Web console on " + console.uri() + " (login " + WebConsole.CONSOLE_USER + ").");
        out.flush();
    }

    static void printRunning(PrintWriter out) {
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
