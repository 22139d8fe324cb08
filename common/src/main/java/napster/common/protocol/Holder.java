package napster.common.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * A peer holding some content: where to fetch it, since when it is shared, under which name,
 * and the upload capacity it last reported (each part null when it did not; see
 * {@link Fields#uploadCapacity}).
 */
public record Holder(int peerId, String host, int port, Instant sharedAt, String name, Integer slots,
                     Integer freeSlots, Long maxUploadRate) {
    public Holder {
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        Objects.requireNonNull(sharedAt, "sharedAt is required");
        Fields.fileName("name", name);
        Fields.uploadCapacity(slots, freeSlots, maxUploadRate);
    }

    public Holder(int peerId, String host, int port, Instant sharedAt, String name) {
        this(peerId, host, port, sharedAt, name, null, null, null);
    }
}
