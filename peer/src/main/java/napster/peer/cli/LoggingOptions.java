package napster.peer.cli;

import picocli.CommandLine.Option;

/** {@code -v} raises logging; set before any logger exists, since slf4j-simple reads its level once. */
public final class LoggingOptions {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** Off in simplelogger.properties (the CLI says "Lost the broker" itself); -v shows its reconnect attempts. */
    static final String FAILOVER_PROPERTY = "org.slf4j.simpleLogger.log.org.apache.activemq.transport.failover.FailoverTransport";
    private boolean verbose;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
            System.setProperty(FAILOVER_PROPERTY, "debug");
        }
    }

    public boolean verbose() {
        return verbose;
    }
}
