package napster.peer.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the file server listens: address and port (0 picks a free one), how many uploads run at
 * once, and how long a connection may sit without a request or without progress.
 */
public record ServerSettings(String bindHost, int port, int slots, Duration idleTimeout) {
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
    }
}
