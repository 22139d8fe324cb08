package napster.peer.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How a download treats holders: how long it waits for a connection and for any byte, and the
 * slowest pace a holder may keep (at least {@code minBytesPerSecond} over each {@code paceWindow}
 * of waiting for it; 0: no floor) before it is dropped and named.
 */
public record DownloadSettings(Duration connectTimeout, Duration readTimeout, Duration paceWindow,
                               long minBytesPerSecond) {
    /** 30 s: long enough for a holder's short hiccups, short enough that a trickle is noticed. */
    public static final Duration DEFAULT_PACE_WINDOW = Duration.ofSeconds(30);
    /** 1 KiB/s: far below any real link, far above a holder that only keeps the connection alive. */
    public static final long DEFAULT_MIN_BYTES_PER_SECOND = 1024;

    public DownloadSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(paceWindow, "paceWindow");
        if (minBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBytesPerSecond must be 0 (no floor) or more");
        }
    }

    /** The default pace floor. */
    public DownloadSettings(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, DEFAULT_PACE_WINDOW, DEFAULT_MIN_BYTES_PER_SECOND);
    }

    /** A fresh pace for one connection. */
    HolderPace newPace() {
        return new HolderPace(paceWindow, minBytesPerSecond);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
