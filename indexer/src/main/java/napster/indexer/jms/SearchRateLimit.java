package napster.indexer.jms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How fast one connection may ask {@code napster.search}: a token bucket per connection,
 * {@code perSecond} requests a second on average with bursts of {@code burst}. Everyone logs in
 * as {@code peer}, so the connection is what tells clients apart: the connection id inside the
 * request's reply-to temporary queue, which the broker checks belongs to the sender (see
 * activemq.xml, ReplyToCheck). At most {@link #MAX_CONNECTIONS} buckets are kept; the least
 * recently used goes first (a connection seen again starts with a full bucket). Thread-safe.
 */
public final class SearchRateLimit {
    /** Requests a second one connection may make on average (search, peers). */
    public static final int DEFAULT_PER_SECOND = 20;
    /** Buckets kept at once: one per recently seen connection. */
    static final int MAX_CONNECTIONS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** {@code perSecond} 0: no limit. The burst is twice the rate. */
    SearchRateLimit(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("the search rate must be 0 (no limit) or more");
        }
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
        this.nanoTime = nanoTime;
    }

    public static SearchRateLimit perSecond(int perSecond) {
        return new SearchRateLimit(perSecond, System::nanoTime);
    }

    int perSecond() {
        return (int) perSecond;
    }

    /** Takes a request of {@code connection}; false when it asked too often and must be refused. */
    synchronized boolean allow(String connection) {
        if (perSecond == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(connection);
        if (bucket == null) {
            bucket = new Bucket(burst, now);
            buckets.put(connection, bucket);
        }
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
        bucket.refilledAt = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }
}
