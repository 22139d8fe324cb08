package napster.common.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered peer as {@code peers} lists it: where it serves, how much it shares, when it
 * was last heard, and the upload capacity it last reported (each part null when it did not).
 */
public record PeerInfo(int peerId, String host, int port, int files, long bytes, Instant lastSeen, Integer slots,
                       Integer freeSlots, Long maxUploadRate) {
    public PeerInfo {
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        Fields.nonNegative("files", files);
        Fields.nonNegative("bytes", bytes);
        Objects.requireNonNull(lastSeen, "lastSeen is required");
        Fields.uploadCapacity(slots, freeSlots, maxUploadRate);
    }

    public PeerInfo(int peerId, String host, int port, int files, long bytes, Instant lastSeen) {
        this(peerId, host, port, files, bytes, lastSeen, null, null, null);
    }
}
