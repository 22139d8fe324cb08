package napster.indexer;

import napster.indexer.jms.SearchRateLimit;
import napster.indexer.service.IndexBudget;
import napster.indexer.service.Leases;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the indexer keeps time and leases and serves: the clock that stamps sharedAt and
 * lastSeen, how many heartbeats in a row a peer may miss, how often lapsed leases are swept,
 * how many threads answer searches at once, how many requests a second one connection may
 * make of {@code napster.search} (0: no limit), how much the index may hold, and the folder it
 * is kept in (null: in memory only).
 */
public record IndexerSettings(Clock clock, int missedBeats, Duration sweepEvery, int searchWorkers, int searchRate,
                              IndexBudget budget, Path indexFolder) {
    public static final int DEFAULT_MISSED_BEATS = Leases.DEFAULT_MISSED_BEATS;
    public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofSeconds(1);
    /** Searches only read the index (under a shared lock): one worker per core answers them in parallel. */
    public static final int DEFAULT_SEARCH_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    public static final int DEFAULT_SEARCH_RATE = SearchRateLimit.DEFAULT_PER_SECOND;

    public IndexerSettings {
        Objects.requireNonNull(clock, "clock");
        if (missedBeats < 1) {
            throw new IllegalArgumentException("missedBeats must be at least 1");
        }
        if (sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("sweepEvery must be positive");
        }
        if (searchWorkers < 1) {
            throw new IllegalArgumentException("searchWorkers must be at least 1");
        }
        if (searchRate < 0) {
            throw new IllegalArgumentException("searchRate must be 0 (no limit) or more");
        }
        Objects.requireNonNull(budget, "budget");
    }

    /**
     * The system clock (UTC), 3 missed beats, a sweep every second, a search worker per core,
     * 20 searches a second per connection, and an index of at most half this JVM's heap
     * (see {@link IndexBudget}).
     */
    public static IndexerSettings defaults() {
        return new IndexerSettings(Clock.systemUTC(), DEFAULT_MISSED_BEATS, DEFAULT_SWEEP_EVERY,
                DEFAULT_SEARCH_WORKERS, DEFAULT_SEARCH_RATE, IndexBudget.standalone(), null);
    }

    /** As {@link #defaults()} for an indexer in the broker's JVM ({@code ./napster up}): the index takes 40 % of the heap. */
    public static IndexerSettings defaultsBesideBroker() {
        return defaults().withBudget(IndexBudget.besideBroker());
    }

    public IndexerSettings withClock(Clock value) {
        return new IndexerSettings(value, missedBeats, sweepEvery, searchWorkers, searchRate, budget, indexFolder);
    }

    public IndexerSettings withMissedBeats(int value) {
        return new IndexerSettings(clock, value, sweepEvery, searchWorkers, searchRate, budget, indexFolder);
    }

    public IndexerSettings withSearchWorkers(int value) {
        return new IndexerSettings(clock, missedBeats, sweepEvery, value, searchRate, budget, indexFolder);
    }

    /** Requests a second one connection may make of napster.search; 0: no limit. */
    public IndexerSettings withSearchRate(int value) {
        return new IndexerSettings(clock, missedBeats, sweepEvery, searchWorkers, value, budget, indexFolder);
    }

    /** The folder the index is kept in; null: in memory only. */
    public IndexerSettings withIndexFolder(Path value) {
        return new IndexerSettings(clock, missedBeats, sweepEvery, searchWorkers, searchRate, budget, value);
    }

    public IndexerSettings withBudget(IndexBudget value) {
        return new IndexerSettings(clock, missedBeats, sweepEvery, searchWorkers, searchRate, value, indexFolder);
    }
}
