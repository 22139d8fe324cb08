package napster.common.protocol;

import java.time.Instant;
import java.util.Objects;

/** One registered peer as {@code peers} lists it: where it serves, how much it shares, when it was last heard. */
public record PeerInfo(int peerId, String host, int port, int files, long bytes, Instant lastSeen) {
    public PeerInfo {
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        Fields.nonNegative("files", files);
        Fields.nonNegative("bytes", bytes);
        Objects.requireNonNull(lastSeen, "lastSeen is required");
    }
}
