package napster.indexer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the indexer keeps time and leases and serves searches: the clock that stamps sharedAt
 * and lastSeen, how many heartbeats in a row a peer may miss, how often lapsed leases are
 * swept, and how many consumers (each its own connection and thread) answer searches at once.
 */
public record IndexerSettings(Clock clock, int missedBeats, Duration sweepEvery, int searchConsumers) {
    public static final int DEFAULT_MISSED_BEATS = Leases.DEFAULT_MISSED_BEATS;
    public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofSeconds(1);
    /** Searches only read the index (under a shared lock): one consumer per core answers them in parallel. */
    public static final int DEFAULT_SEARCH_CONSUMERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public IndexerSettings {
        Objects.requireNonNull(clock, "clock");
        if (missedBeats < 1) {
            throw new IllegalArgumentException("missedBeats must be at least 1");
        }
        if (sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("sweepEvery must be positive");
        }
        if (searchConsumers < 1) {
            throw new IllegalArgumentException("searchConsumers must be at least 1");
        }
    }

    /** The system clock (UTC), 3 missed beats, a sweep every second, a search consumer per core (at most 4). */
    public static IndexerSettings defaults() {
        return new IndexerSettings(Clock.systemUTC(), DEFAULT_MISSED_BEATS, DEFAULT_SWEEP_EVERY,
                DEFAULT_SEARCH_CONSUMERS);
    }

    public IndexerSettings withClock(Clock value) {
        return new IndexerSettings(value, missedBeats, sweepEvery, searchConsumers);
    }

    public IndexerSettings withMissedBeats(int value) {
        return new IndexerSettings(clock, value, sweepEvery, searchConsumers);
    }

    public IndexerSettings withSearchConsumers(int value) {
        return new IndexerSettings(clock, missedBeats, sweepEvery, value);
    }
}
