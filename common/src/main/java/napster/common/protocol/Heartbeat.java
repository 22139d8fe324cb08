package napster.common.protocol;

/**
 * A registered peer is still there. {@code intervalSeconds} is how often it beats (default
 * 10), so the indexer can drop it after a few missed beats; {@code freeSlots}, if given, is
 * how many upload slots it has free now. The reply is an {@link Ack}, or an
 * {@link ErrorReply} "unknown-peer" telling the peer to register again.
 */
public record Heartbeat(String peerKey, Integer intervalSeconds, Integer freeSlots) implements Message {
    public static final int DEFAULT_INTERVAL_SECONDS = 10;
    /** With the indexer's 3 missed beats, a peer that vanished stays listed 3 minutes at most. */
    public static final int MAX_INTERVAL_SECONDS = 60;

    public Heartbeat {
        Fields.peerKey("peerKey", peerKey);
        if (intervalSeconds != null && (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS)) {
            throw new IllegalArgumentException("intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS);
        }
        if (freeSlots != null) {
            Fields.nonNegative("freeSlots", freeSlots);
        }
    }

    public Heartbeat(String peerKey, Integer intervalSeconds) {
        this(peerKey, intervalSeconds, null);
    }

    public int effectiveIntervalSeconds() {
        return intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
    }
}
