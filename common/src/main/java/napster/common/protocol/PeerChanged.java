package napster.common.protocol;

/**
 * Index event: a peer joined or left. {@code reason} for a peer that left: "unregistered"
 * (clean exit) or "expired" (missed heartbeats).
 */
public record PeerChanged(String change, int peerId, String host, int port, int files, String reason)
        implements Message {
    public static final String JOINED = "joined";
    public static final String LEFT = "left";
    public static final String UNREGISTERED = "unregistered";
    public static final String EXPIRED = "expired";

    public PeerChanged {
        if (!JOINED.equals(change) && !LEFT.equals(change)) {
            throw new IllegalArgumentException("change must be \"joined\" or \"left\"");
        }
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        Fields.nonNegative("files", files);
        if (reason != null) {
            Fields.text("reason", reason, 64);
        }
    }
}
