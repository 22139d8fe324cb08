package napster.peer.session;

import java.time.Duration;

/**
 * How long to wait before registering again after a failed registration: {@link #FIRST} at
 * first, doubling after every failure up to {@link #MOST}, back to the start after a success.
 * Not thread-safe: the presence uses it on its one thread.
 */
final class RetryBackoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MOST = Duration.ofSeconds(30);

    private final Duration first;
    private final Duration most;
    private Duration next;

    RetryBackoff(Duration first, Duration most) {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first delay must be positive and at most the longest");
        }
        this.first = first;
        this.most = most;
        this.next = first;
    }

    /** The delay before the next try; the one after it is twice as long, at most {@code most}. */
    Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(most) > 0 ? most : next.multipliedBy(2);
        return now;
    }

    void reset() {
        next = first;
    }
}
