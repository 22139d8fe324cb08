package napster.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code napster bench}: measurements that print numbers (and plots), side by side with what the broker alone costs. */
@Command(name = "napster bench", mixinStandardHelpOptions = true, version = "napster bench 0.1.0",
        description = "Benchmarks of the real system on this machine: search, register, transfer, memory.",
        subcommands = {SearchBench.class, RegisterBench.class, TransferBench.class, MemoryBench.class, IndexBench.class,
                AttackBench.class})
public final class BenchMain {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the same error behaviour as the other commands: one sentence, exit 1 (2 for bad usage). */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchMain());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(sentence(e));
            cmd.getErr().flush();
            return 1;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(e.getMessage());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            cmd.getErr().flush();
            return 2;
        });
        return commandLine;
    }

    /** The failure in one sentence: its message, or its type when it has none. */
    static String sentence(Throwable e) {
        String message = reason(e);
        return "The benchmark failed: " + message + (message.endsWith(".") ? "" : ".");
    }

    /** The failure's own message (or its type when it has none), without the benchmark's framing. */
    static String reason(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }
}
