package napster.common.protocol;

import java.time.Instant;
import java.util.Objects;

/** A peer holding some content: where to fetch it, since when it is shared, under which name. */
public record Holder(int peerId, String host, int port, Instant sharedAt, String name) {
    public Holder {
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        Objects.requireNonNull(sharedAt, "sharedAt is required");
        Fields.fileName("name", name);
    }
}
