package napster.indexer.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.query.Filters;
import napster.common.query.QueryParser;
import napster.common.query.SearchQuery;
import napster.common.query.SearchRequest;

/** An in-memory index with its peers, searched and browsed as clients see it: reply text decoded. */
final class IndexFixture implements AutoCloseable {
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    final FileIndex index;
    private final Map<Integer, Peer> peers = new HashMap<>();

    IndexFixture() {
        this(FileIndex.DEFAULT_MAX_CANDIDATES);
    }

    IndexFixture(int maxCandidates) {
        index = FileIndex.inMemory(maxCandidates);
    }

    static String sha(long n) {
        return String.format("%064x", n);
    }

    static SharedFile file(String name, long content) {
        return new SharedFile(name, 1_000 + content, sha(content));
    }

    static Peer peer(int id) {
        return new Peer(id, String.format("peer-key-%08d", id), "user" + id, "10.0.0." + id, 4_000 + id);
    }

    ShareChange share(int peerId, Instant at, SharedFile... files) {
        peers.putIfAbsent(peerId, peer(peerId));
        return index.replace(peerId, List.of(files), at);
    }

    ShareChange share(int peerId, SharedFile... files) {
        return share(peerId, Instant.parse("2026-12-05T10:00:00Z"), files);
    }

    void forget(int peerId) {
        peers.remove(peerId);
        index.removePeer(peerId);
    }

    SearchResult search(String typed) {
        return search(typed, Filters.NONE, 100);
    }

    SearchResult search(String typed, Filters filters, int limit) {
        return search(QueryParser.parse(typed), typed, filters, limit);
    }

    SearchResult searchSha(String sha256) {
        return search(new SearchQuery(List.of(), Optional.of(sha256), sha256), sha256, Filters.NONE, 100);
    }

    private SearchResult search(SearchQuery query, String echoed, Filters filters, int limit) {
        index.awaitChangesVisible();
        return (SearchResult) decode(index.search(new SearchRequest(query, filters, limit), echoed, peers::get).json());
    }

    List<String> names(String typed) {
        return search(typed).results().stream().map(hit -> hit.name()).toList();
    }

    BrowseResult browse(int peerId, SharedFile after, int limit) {
        index.awaitChangesVisible();
        return (BrowseResult) decode(index.browse(peerId, after == null ? null : after.name(),
                after == null ? null : after.sha256(), limit).json());
    }

    static Object decode(String json) {
        try {
            return CODEC.decode(json);
        } catch (ProtocolException e) {
            throw new AssertionError("the index wrote a reply the codec cannot read: " + json, e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
