package napster.common.protocol;

/**
 * Asks for one page of a peer's files, in name order; the reply is a {@link BrowseResult}.
 * {@code afterName} and {@code afterSha256} (both or neither) name the last file of the page
 * before: the page starts after it. {@code limit} caps the files of the page.
 */
public record Browse(int peerId, Integer limit, String afterName, String afterSha256) implements Message {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1_000;

    public Browse {
        Fields.positive("peerId", peerId);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if ((afterName == null) != (afterSha256 == null)) {
            throw new IllegalArgumentException("afterName and afterSha256 go together");
        }
        if (afterName != null) {
            Fields.fileName("afterName", afterName);
            Fields.sha256("afterSha256", afterSha256);
        }
    }

    /** The first page. */
    public Browse(int peerId, Integer limit) {
        this(peerId, limit, null, null);
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The page after {@code last}. */
    public Browse after(SharedFile last) {
        return new Browse(peerId, limit, last.name(), last.sha256());
    }
}
