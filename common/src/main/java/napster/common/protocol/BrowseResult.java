package napster.common.protocol;

import java.util.List;

/**
 * One page of a peer's files, in name order (case and accents folded, then as shared, then
 * by SHA-256). {@code more} is true when further files follow: ask for the page after the last
 * one; absent (null) on the last page.
 */
public record BrowseResult(int peerId, List<SharedFile> files, Boolean more) implements Message {
    public BrowseResult {
        Fields.positive("peerId", peerId);
        files = Fields.list("files", files, Integer.MAX_VALUE);
        if (Boolean.FALSE.equals(more)) {
            more = null; // a last page says nothing, as the indexer writes it
        }
    }

    public boolean hasMore() {
        return Boolean.TRUE.equals(more);
    }
}
