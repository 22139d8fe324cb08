package napster.common.protocol;

/**
 * A search by file name ({@code query}: exact or case-insensitive substring) or by content
 * ({@code sha256}); at least one is required. {@code limit} caps the number of results.
 */
public record Search(String query, String sha256, Integer limit) implements Message {
    public static final int DEFAULT_LIMIT = 100;

    public Search {
        if (query == null && sha256 == null) {
            throw new IllegalArgumentException("query or sha256 is required");
        }
        if (query != null) {
            Fields.text("query", query, Fields.MAX_QUERY_LENGTH);
        }
        if (sha256 != null) {
            Fields.sha256("sha256", sha256);
        }
        if (limit != null && (limit < 1 || limit > Fields.MAX_SEARCH_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + Fields.MAX_SEARCH_LIMIT);
        }
    }

    public static Search byName(String query) {
        return new Search(query, null, null);
    }

    public static Search byHash(String sha256) {
        return new Search(null, sha256, null);
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
