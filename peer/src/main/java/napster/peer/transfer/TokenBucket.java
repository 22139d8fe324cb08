package napster.peer.transfer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Caps a byte rate shared by any number of threads: each takes tokens for the bytes it moves
 * and waits while the bucket is in debt. The bucket holds at most {@code burst} tokens, so after
 * an idle spell no more than that goes out at full speed. The clock and the wait come in from the
 * caller, so tests can drive time. Thread-safe.
 */
public final class TokenBucket {
    /** Waits for the given number of nanoseconds (or less, if interrupted). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long bytesPerSecond;
    private final long burst;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    public TokenBucket(long bytesPerSecond, long burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond must be at least 1");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** A bucket on the system clock whose burst is a tenth of a second's worth (at least 16 KiB). */
    public static TokenBucket perSecond(long bytesPerSecond) {
        return new TokenBucket(bytesPerSecond, Math.max(16 * 1024, bytesPerSecond / 10), System::nanoTime,
                nanos -> {
                    LockSupport.parkNanos(nanos);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                });
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The most bytes worth moving in one go: asking for more only makes the wait lumpier. */
    public int sliceBytes() {
        return (int) Math.min(Math.max(4 * 1024, burst), 256 * 1024);
    }

    /**
     * Takes {@code bytes} tokens, waiting as long as the rate requires. Callers take tokens
     * for what they are about to send, or for what they just received.
     */
    public void take(long bytes) throws InterruptedException {
        if (bytes <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= bytes; // may go into debt: the debt is the wait
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens * TimeUnit.SECONDS.toNanos(1) / bytesPerSecond);
        }
        if (waitNanos > 0) {
            sleeper.sleep(waitNanos);
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + (double) elapsed * bytesPerSecond / TimeUnit.SECONDS.toNanos(1));
            refilledAt = now;
        }
    }
}
