package napster.broker;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one sentence on stderr and exit code 1, never a stack trace.
 * Expected failures ({@link BrokerStartException}, the broker connector's) carry a sentence
 * for a person; anything else is named by its type and message.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getColorScheme().errorText(sentence(e)));
        commandLine.getErr().flush();
        return FAILED;
    }

    static String sentence(Exception e) {
        String message = e.getMessage();
        if (e instanceof BrokerStartException && message != null) {
            return message;
        }
        if (message == null || message.isBlank()) {
            return "Failed with " + e.getClass().getName() + ".";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line : line + ".";
    }
}
