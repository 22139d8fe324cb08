package napster.broker;

import picocli.CommandLine.Option;

/**
 * {@code -v}: raises the log level from warn to info (ActiveMQ's start-up and connection log).
 * Takes effect because options are parsed before the first logger is created.
 */
final class Verbosity {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = {"-v", "--verbose"}, description = "Log more (ActiveMQ's info messages).")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "info");
        }
    }
}
