package napster.common.protocol;

/**
 * A registered peer is still there. {@code intervalSeconds} is how often it beats (default
 * 10), so the indexer can drop it after a few missed beats. The reply is an {@link Ack}, or
 * an {@link ErrorReply} "unknown-peer" telling the peer to register again.
 */
public record Heartbeat(String peerKey, Integer intervalSeconds) implements Message {
    public static final int DEFAULT_INTERVAL_SECONDS = 10;
    public static final int MAX_INTERVAL_SECONDS = 3_600;

    public Heartbeat {
        Fields.peerKey("peerKey", peerKey);
        if (intervalSeconds != null && (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS)) {
            throw new IllegalArgumentException("intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS);
        }
    }

    public int effectiveIntervalSeconds() {
        return intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
    }
}
