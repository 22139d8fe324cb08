package napster.peer.cli;

import java.time.ZoneId;
import java.util.concurrent.Callable;
import napster.common.protocol.Fields;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code search QUERY}: which peers share files whose name contains QUERY (or whose SHA-256 is QUERY). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index by file name (exact or part of it, any case) or by SHA-256.")
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "QUERY", description = "A file name, part of one, or a SHA-256.")
    String query;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N files (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        Search search = search();
        SearchResult result;
        try (IndexClient index = IndexClient.connect(client.settings(), "search", client.timeout())) {
            result = index.search(search);
        }
        if (json) {
            spec.commandLine().getOut().println(ProtocolCodec.newMapper().writeValueAsString(result));
            spec.commandLine().getOut().flush();
        } else if (!result.results().isEmpty()) {
            new ResultPrinter(spec.commandLine().getOut(), ZoneId.systemDefault()).printResults(query, result.results());
        }
        if (result.results().isEmpty()) {
            throw new CommandFailure("No peer shares a file matching \"" + query + "\".");
        }
        return 0;
    }

    Search search() {
        if (limit < 1 || limit > Fields.MAX_SEARCH_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + Fields.MAX_SEARCH_LIMIT + ".");
        }
        try {
            return Fields.isSha256(query) ? new Search(null, query, limit) : new Search(query, null, limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The search text is not usable: " + e.getMessage() + ".");
        }
    }
}
