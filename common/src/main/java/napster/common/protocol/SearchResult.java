package napster.common.protocol;

import java.util.List;

/** The reply to a {@link Search}: results grouped by content, best match first. */
public record SearchResult(String query, List<FileHit> results) implements Message {
    public SearchResult {
        results = Fields.list("results", results, Integer.MAX_VALUE);
    }
}
