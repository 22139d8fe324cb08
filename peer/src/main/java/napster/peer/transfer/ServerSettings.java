package napster.peer.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the file server listens and what a connection may cost it: address and port (0 picks a
 * free one); {@code slots}, the uploads served at once; {@code pendingLimit}, the connections
 * that may wait for their first request (the oldest is dropped when another arrives);
 * {@code requestTimeout}, how long a whole request line may take to arrive, on a new connection
 * and between requests; {@code stallTimeout}, how long a reader may take no bytes while it is
 * being answered; and the most bytes per second all uploads together may send (0: no cap).
 */
public record ServerSettings(String bindHost, int port, int slots, int pendingLimit, Duration requestTimeout,
                             Duration stallTimeout, long maxUploadRate) {
    public static final int DEFAULT_PENDING_LIMIT = 64;
    /* A connection waiting for a request holds a socket and a line buffer of 8 KiB. */
    public static final int MAX_PENDING_LIMIT = 4_096;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(24);

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
        if (pendingLimit < 1 || pendingLimit > MAX_PENDING_LIMIT) {
            throw new IllegalArgumentException("pendingLimit must be between 1 and " + MAX_PENDING_LIMIT);
        }
        checkTimeout("requestTimeout", requestTimeout);
        checkTimeout("stallTimeout", stallTimeout);
        if (maxUploadRate < 0) {
            throw new IllegalArgumentException("maxUploadRate must be 0 (no cap) or more bytes per second");
        }
    }

    /** The default pending limit, request timeout and stall timeout. */
    public static ServerSettings withDefaults(String bindHost, int port, int slots, long maxUploadRate) {
        return new ServerSettings(bindHost, port, slots, DEFAULT_PENDING_LIMIT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_STALL_TIMEOUT, maxUploadRate);
    }

    /**
     * For callers that still name one idle timeout: it caps both timeouts, so the defaults apply
     * unless it is shorter than they are.
     */
    public ServerSettings(String bindHost, int port, int slots, Duration idleTimeout, long maxUploadRate) {
        this(bindHost, port, slots, DEFAULT_PENDING_LIMIT, shorter(idleTimeout, DEFAULT_REQUEST_TIMEOUT),
                shorter(idleTimeout, DEFAULT_STALL_TIMEOUT), maxUploadRate);
    }

    /** One idle timeout capping both timeouts, and no upload cap. */
    public ServerSettings(String bindHost, int port, int slots, Duration idleTimeout) {
        this(bindHost, port, slots, idleTimeout, 0);
    }

    public ServerSettings withPendingLimit(int limit) {
        return new ServerSettings(bindHost, port, slots, limit, requestTimeout, stallTimeout, maxUploadRate);
    }

    public ServerSettings withRequestTimeout(Duration timeout) {
        return new ServerSettings(bindHost, port, slots, pendingLimit, timeout, stallTimeout, maxUploadRate);
    }

    public ServerSettings withStallTimeout(Duration timeout) {
        return new ServerSettings(bindHost, port, slots, pendingLimit, requestTimeout, timeout, maxUploadRate);
    }

    private static Duration shorter(Duration idleTimeout, Duration limit) {
        checkTimeout("idleTimeout", idleTimeout);
        return idleTimeout.compareTo(limit) < 0 ? idleTimeout : limit;
    }

    private static void checkTimeout(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name + " is required");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most 24 hours");
        }
    }
}
