package napster.peer.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import napster.common.jms.BrokerUnavailableException;
import napster.peer.index.IndexException;
import napster.peer.transfer.DownloadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one sentence on stderr and exit code 1 (2 for an option value
 * that cannot be used); the stack trace only with -v.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println(DisplayText.of(sentence(ex))); // it may quote a peer's or the indexer's words
        if (isVerbose(parseResult)) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return ex instanceof IllegalArgumentException ? BAD_USAGE : FAILED;
    }

    static String sentence(Exception ex) {
        if (ex instanceof CommandFailure || ex instanceof BrokerUnavailableException || ex instanceof IndexException
                || ex instanceof DownloadException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof NoSuchFileException missing) {
            return "No such file or directory: " + missing.getFile() + ".";
        }
        if (ex instanceof IOException) {
            String message = String.valueOf(ex.getMessage());
            return message.endsWith(".") ? message : "Input/output error: " + message + ".";
        }
        return "Unexpected error: " + ex + " (run with -v for details).";
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
