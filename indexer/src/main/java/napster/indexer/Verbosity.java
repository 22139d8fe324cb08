package napster.indexer;

import picocli.CommandLine.Option;

/** The {@code -v} mixin: napster's own loggers go from warn to info ({@code -v}) or debug ({@code -vv}). */
public final class Verbosity {
    static final String NAPSTER_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.napster";

    @Option(names = {"-v", "--verbose"}, description = "Log more: -v info, -vv debug.")
    boolean[] verbose = new boolean[0];

    /**
     * Call before any napster class logs: slf4j-simple fixes a logger's level when the
     * logger is created, reading system properties before simplelogger.properties.
     */
    public void apply() {
        if (verbose.length > 0) {
            System.setProperty(NAPSTER_LEVEL_PROPERTY, verbose.length == 1 ? "info" : "debug");
        }
    }
}
