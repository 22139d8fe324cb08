package napster.common.query;

import java.util.Objects;

/** One search as the index carries it out: the parsed query, the filters, and how many results at most. */
public record SearchRequest(SearchQuery query, Filters filters, int limit) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(filters, "filters");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
