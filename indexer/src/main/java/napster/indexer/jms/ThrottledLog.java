package napster.indexer.jms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that a hostile client could trigger thousands of times a second (replies it makes
 * the broker refuse): logged at most once per {@link #EVERY}, with how many were left out.
 * Thread-safe.
 */
final class ThrottledLog {
    static final Duration EVERY = Duration.ofMinutes(1);

    private final Logger log;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    ThrottledLog(Logger log) {
        this.log = log;
    }

    void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + EVERY.toNanos())) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        log.warn(left == 0 ? format : format + " (and " + left + " like it in the last minute)", arguments);
    }
}
