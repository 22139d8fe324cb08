package napster.peer.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the file server listens: address and port (0 picks a free one), how many uploads run at
 * once, how long a connection may sit without a request or without progress, and the most bytes
 * per second all uploads together may send (0: no cap).
 */
public record ServerSettings(String bindHost, int port, int slots, Duration idleTimeout, long maxUploadRate) {
    public ServerSettings {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout is required");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (maxUploadRate < 0) {
            throw new IllegalArgumentException("maxUploadRate must be 0 (no cap) or more bytes per second");
        }
    }

    /** No upload cap. */
    public ServerSettings(String bindHost, int port, int slots, Duration idleTimeout) {
        this(bindHost, port, slots, idleTimeout, 0);
    }
}
