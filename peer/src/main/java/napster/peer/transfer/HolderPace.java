package napster.peer.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * The slowest a holder may send before a download drops it: at least {@code minBytesPerSecond},
 * judged over consecutive windows of time spent waiting for its bytes. Only that waiting counts
 * (time in a read on its connection), so a connection with nothing asked, or a worker held back
 * by our own rate cap or disk, never counts against the holder. A holder that trickles (a byte
 * now and then, each within the read timeout) would otherwise hold a download forever.
 * One per connection; not thread-safe.
 */
final class HolderPace {
    private final long windowNanos;
    private final long minBytesPerSecond;
    private long waitedNanos;
    private long bytes;

    /** {@code minBytesPerSecond} 0: no floor. */
    HolderPace(Duration window, long minBytesPerSecond) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the pace window must be positive");
        }
        if (minBytesPerSecond < 0) {
            throw new IllegalArgumentException("the pace floor must not be negative");
        }
        this.windowNanos = window.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /**
     * Counts one read: {@code received} bytes after waiting {@code nanos} for them. Once a window's
     * worth of waiting is counted, returns why the holder is too slow (null if it kept up) and
     * starts the next window.
     */
    String read(long received, long nanos) {
        bytes += Math.max(0, received);
        waitedNanos += Math.max(0, nanos);
        if (waitedNanos < windowNanos) {
            return null;
        }
        boolean tooSlow = (double) bytes * 1e9 < (double) minBytesPerSecond * waitedNanos;
        String verdict = tooSlow ? "sent " + bytes + (bytes == 1 ? " byte" : " bytes") + " in "
                + seconds(waitedNanos) + ", below the floor of " + rate(minBytesPerSecond) : null;
        waitedNanos = 0;
        bytes = 0;
        return verdict;
    }

    private static String seconds(long nanos) {
        return nanos >= 1_000_000_000L ? Math.round(nanos / 1e9) + " s" : Math.max(1, nanos / 1_000_000) + " ms";
    }

    private static String rate(long bytesPerSecond) {
        if (bytesPerSecond % (1 << 20) == 0) {
            return (bytesPerSecond >> 20) + " MiB/s";
        }
        return bytesPerSecond % 1024 == 0 ? (bytesPerSecond >> 10) + " KiB/s" : bytesPerSecond + " B/s";
    }
}
