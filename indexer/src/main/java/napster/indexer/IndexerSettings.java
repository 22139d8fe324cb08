package napster.indexer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the indexer keeps time and leases: the clock that stamps sharedAt and lastSeen, how
 * many heartbeats in a row a peer may miss, and how often lapsed leases are swept.
 */
public record IndexerSettings(Clock clock, int missedBeats, Duration sweepEvery) {
    public static final int DEFAULT_MISSED_BEATS = Leases.DEFAULT_MISSED_BEATS;
    public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofSeconds(1);

    public IndexerSettings {
        Objects.requireNonNull(clock, "clock");
        if (missedBeats < 1) {
            throw new IllegalArgumentException("missedBeats must be at least 1");
        }
        if (sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("sweepEvery must be positive");
        }
    }

    /** The system clock (UTC), 3 missed beats, a sweep every second. */
    public static IndexerSettings defaults() {
        return new IndexerSettings(Clock.systemUTC(), DEFAULT_MISSED_BEATS, DEFAULT_SWEEP_EVERY);
    }

    public IndexerSettings withClock(Clock value) {
        return new IndexerSettings(value, missedBeats, sweepEvery);
    }

    public IndexerSettings withMissedBeats(int value) {
        return new IndexerSettings(clock, value, sweepEvery);
    }
}
