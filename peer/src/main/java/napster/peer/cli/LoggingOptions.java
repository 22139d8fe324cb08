package napster.peer.cli;

import picocli.CommandLine.Option;

/** {@code -v} raises logging; set before any logger exists, since slf4j-simple reads its level once. */
public final class LoggingOptions {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private boolean verbose;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
        }
    }

    public boolean verbose() {
        return verbose;
    }
}
