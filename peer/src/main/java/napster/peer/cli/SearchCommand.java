package napster.peer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import napster.common.jms.RemoteErrorException;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Fields;
import napster.common.protocol.FileKind;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;
import napster.peer.transfer.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code search QUERY [filters]}: which peers share files matching QUERY (words, phrases,
 * exclusions or a SHA-256; see PROTOCOL.md) and the filters.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the index: words (each matching the start of a word of the name, any case),"
                + " \"a phrase\", -excluded, an exact name, or a SHA-256.",
            "Example: ./napster search 'beatles yest -live' --ext mp3,flac --min-size 1M"})
final class SearchCommand implements Callable<Integer> {
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "QUERY", description = "Words, \"phrases\", -exclusions, a file name, or a SHA-256.")
    String query;

    @Option(names = "--ext", paramLabel = "EXT", split = ",",
            description = "Only files with one of these extensions (repeat, or mp3,flac).")
    List<String> extensions;

    @Option(names = "--min-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Only files of at least SIZE bytes (900, 1M, 1.5G).")
    Long minSize;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Only files of at most SIZE bytes.")
    Long maxSize;

    @Option(names = "--type", paramLabel = "KIND",
            description = "Only files of this kind: audio, video, image, document, archive or program.")
    String kind;

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
        } catch (IndexException e) {
            if (e.getCause() instanceof RemoteErrorException refused
                    && ErrorReply.BAD_REQUEST.equals(refused.reply().code())) {
                throw new IllegalArgumentException(refused.getMessage(), e); // the query itself: bad usage
            }
            throw e;
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
        List<String> wanted = extensions == null ? null : extensions();
        if (kind != null) {
            try {
                FileKind.of(kind);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--type must be one of " + FileKind.names() + ", not \"" + kind
                        + "\".");
            }
        }
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw new IllegalArgumentException("--min-size must not be more than --max-size.");
        }
        String normalKind = kind == null ? null : FileKind.of(kind).wireName();
        try {
            String hash = Fields.sha256AnyCase(query);
            return hash != null ? new Search(null, hash, limit, wanted, minSize, maxSize, normalKind)
                    : new Search(query, null, limit, wanted, minSize, maxSize, normalKind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The search text is not usable: " + e.getMessage() + ".");
        }
    }

    /* The extensions as the indexer takes them: lower case, without a leading dot. */
    private List<String> extensions() {
        List<String> wanted = new ArrayList<>();
        for (String extension : extensions) {
            String normal = extension.strip().toLowerCase(Locale.ROOT);
            normal = normal.startsWith(".") ? normal.substring(1) : normal;
            try {
                wanted.add(Search.extension(normal));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--ext: " + e.getMessage() + ".");
            }
        }
        if (wanted.size() > Search.MAX_EXTENSIONS) {
            throw new IllegalArgumentException("--ext takes at most " + Search.MAX_EXTENSIONS + " extensions.");
        }
        return wanted;
    }
}
