package napster.peer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import napster.common.protocol.Fields;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import napster.peer.transfer.Downloader;
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
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

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

    @Option(names = "--ping", description = "Ping every holder's transfer port and show the round trip.")
    boolean ping;

    @Override
    public Integer call() throws Exception {
        Search search = search();
        SearchResult result;
        try (IndexClient index = IndexClient.connect(client.settings(), "search", client.timeout())) {
            result = index.search(search);
        }
        Map<HolderPings.Address, Duration> pings = ping
                ? HolderPings.ping(result.results(), new Downloader(PING_TIMEOUT, PING_TIMEOUT)) : null;
        if (json) {
            spec.commandLine().getOut().println(json(result, pings));
            spec.commandLine().getOut().flush();
        } else if (!result.results().isEmpty()) {
            Map<HolderPings.Address, String> shown = null;
            if (pings != null) {
                shown = new LinkedHashMap<>();
                for (Map.Entry<HolderPings.Address, Duration> entry : pings.entrySet()) {
                    shown.put(entry.getKey(), HolderPings.format(entry.getValue()));
                }
            }
            new ResultPrinter(spec.commandLine().getOut(), ZoneId.systemDefault(), shown)
                    .printResults(query, result.results());
            if (result.incomplete()) {
                spec.commandLine().getOut().println();
                spec.commandLine().getOut().println("More files match than the indexer returns for one search;"
                        + " narrow the search to see the rest.");
                spec.commandLine().getOut().flush();
            }
        }
        if (result.results().isEmpty()) {
            throw new CommandFailure("No peer shares a file matching \"" + query + "\".");
        }
        return 0;
    }

    /** The result document; with pings, each holder also gets {@code pingMillis} (null: no answer). */
    static String json(SearchResult result, Map<HolderPings.Address, Duration> pings) throws Exception {
        ObjectMapper mapper = ProtocolCodec.newMapper();
        if (pings == null) {
            return mapper.writeValueAsString(result);
        }
        ObjectNode document = mapper.valueToTree(result);
        for (JsonNode hit : document.path("results")) {
            for (JsonNode holder : hit.path("peers")) {
                Duration time = pings.get(new HolderPings.Address(holder.path("host").asText(), holder.path("port").asInt()));
                ((ObjectNode) holder).put("pingMillis", time == null ? null : time.toNanos() / 1e6);
            }
        }
        return mapper.writeValueAsString(document);
    }

    Search search() {
        if (limit < 1 || limit > Fields.MAX_SEARCH_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + Fields.MAX_SEARCH_LIMIT + ".");
        }
        try {
            String hash = Fields.sha256AnyCase(query);
            return hash != null ? new Search(null, hash, limit) : new Search(query, null, limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The search text is not usable: " + e.getMessage() + ".");
        }
    }
}
