package napster.common.protocol;

/** Asks the indexer which peers are registered; the reply is a {@link PeerList}, by ascending peer id. */
public record ListPeers(Integer limit) implements Message {
    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;

    public ListPeers {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
