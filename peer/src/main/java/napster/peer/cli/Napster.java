package napster.peer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The peer's command line: share, search, get, peers, watch, and the seed's interactive menu. */
@Command(name = "napster", mixinStandardHelpOptions = true, version = "napster 0.1.0",
        description = "Napster-style file sharing over an ActiveMQ broker.",
        subcommands = {ShareCommand.class, SearchCommand.class, BrowseCommand.class, GetCommand.class, PeersCommand.class,
                WatchCommand.class, MenuCommand.class},
        footer = {"", "Server commands of the same launcher: up (broker + indexer), broker, indexer;",
                "see ./napster up --help. Without arguments ./napster opens the interactive menu."})
public final class Napster {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests use it to run commands in-process and capture output. */
    public static CommandLine commandLine() {
        CommandLine napster = new CommandLine(new Napster())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
        // a query may start with an exclusion: ./napster search -live beatles
        napster.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        return napster;
    }
}
