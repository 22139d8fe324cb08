package napster.common.protocol;

/** The reply to a request the indexer could not carry out; {@code message} is one sentence for a person. */
public record ErrorReply(String code, String message) implements Message {
    public static final String BAD_REQUEST = "bad-request";
    public static final String FORBIDDEN = "forbidden";
    public static final String UNKNOWN_PEER = "unknown-peer";
    public static final String INTERNAL = "internal";
    /** The requesting connection sent more requests than the indexer answers per connection; it may try again shortly. */
    public static final String RATE_LIMITED = "rate-limited";
    /** The index holds as many files as the indexer's memory budget allows; nothing of the request was indexed. */
    public static final String INDEX_FULL = "index-full";

    public ErrorReply {
        Fields.text("code", code, 64);
        Fields.text("message", message, 1_000);
    }
}
