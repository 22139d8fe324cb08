package napster.common.protocol;

import java.util.List;

/**
 * The reply to a {@link Search}: results grouped by content, best match first. {@code partial}
 * is true when the indexer left results out: the search reached its work bound, or the reply
 * its size bound (see PROTOCOL.md); absent (null) when the results are complete.
 */
public record SearchResult(String query, List<FileHit> results, Boolean partial) implements Message {
    public SearchResult {
        results = Fields.list("results", results, Integer.MAX_VALUE);
        if (Boolean.FALSE.equals(partial)) {
            partial = null; // complete results say nothing, as the indexer writes them
        }
    }

    /** Complete results. */
    public SearchResult(String query, List<FileHit> results) {
        this(query, results, null);
    }

    /** Whether the indexer left results out. */
    public boolean incomplete() {
        return Boolean.TRUE.equals(partial);
    }
}
