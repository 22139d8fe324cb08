package napster.peer.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Connections that wait for their first request, oldest first: at most {@code limit} of them,
 * each for at most {@code timeout}. The caller makes room by dropping the oldest: a real client
 * sends its request within milliseconds, so a flood of silent sockets only pushes out itself.
 * Not thread-safe (one thread owns it); the clock comes in so tests can drive time.
 */
final class PendingConnections<T> {
    private final int limit;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<T, Long> arrivedAt = new LinkedHashMap<>();

    PendingConnections(int limit, Duration timeout, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
    }

    boolean isFull() {
        return arrivedAt.size() >= limit;
    }

    /** The connection that has waited longest; call only when not empty. */
    T oldest() {
        return arrivedAt.keySet().iterator().next();
    }

    /** Adds a connection that arrived now; the caller makes room first (see {@link #isFull()}). */
    void add(T connection) {
        if (isFull()) {
            throw new IllegalStateException("no room for another pending connection");
        }
        arrivedAt.put(connection, nanoClock.getAsLong());
    }

    /** True if it was waiting (and now is not). */
    boolean remove(T connection) {
        return arrivedAt.remove(connection) != null;
    }

    boolean contains(T connection) {
        return arrivedAt.containsKey(connection);
    }

    /** Removes and gives every connection that has waited longer than the timeout. */
    List<T> removeExpired() {
        List<T> expired = new ArrayList<>();
        long now = nanoClock.getAsLong();
        Iterator<Map.Entry<T, Long>> oldestFirst = arrivedAt.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<T, Long> next = oldestFirst.next();
            if (now - next.getValue() < timeoutNanos) {
                break; // the rest arrived later still
            }
            expired.add(next.getKey());
            oldestFirst.remove();
        }
        return expired;
    }

    /** Nanoseconds until the oldest connection expires (0 if it has); -1 when none waits. */
    long nanosUntilNextExpiry() {
        if (arrivedAt.isEmpty()) {
            return -1;
        }
        long waited = nanoClock.getAsLong() - arrivedAt.values().iterator().next();
        return Math.max(0, timeoutNanos - waited);
    }

    /** Removes and gives every waiting connection. */
    List<T> removeAll() {
        List<T> all = new ArrayList<>(arrivedAt.keySet());
        arrivedAt.clear();
        return all;
    }

    int size() {
        return arrivedAt.size();
    }
}
