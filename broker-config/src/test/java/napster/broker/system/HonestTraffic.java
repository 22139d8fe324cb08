package napster.broker.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;

/**
 * A real peer going about its business while a test attacks the system: a search for its own
 * file every 200 ms and a heartbeat every 500 ms, each on its own thread and each bounded by
 * the client's timeout. Every failure (a timeout included) is kept for the test to check.
 */
final class HonestTraffic implements AutoCloseable {
    private static final long SEARCH_EVERY_MILLIS = 200;
    private static final long BEAT_EVERY_MILLIS = 500;

    private final ScheduledExecutorService threads;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger beats = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();

    private HonestTraffic(ScheduledExecutorService threads) {
        this.threads = threads;
    }

    /** Starts searching for {@code fileName} and heart-beating as {@code peerKey} through {@code client}. */
    static HonestTraffic start(IndexClient client, String peerKey, String fileName) {
        AtomicInteger thread = new AtomicInteger();
        HonestTraffic traffic = new HonestTraffic(Executors.newScheduledThreadPool(2,
                task -> new Thread(task, "honest-traffic-" + thread.incrementAndGet())));
        traffic.threads.scheduleWithFixedDelay(() -> traffic.timed("search", () -> {
            SearchResult result = client.search(Search.byName(fileName));
            if (result.results().size() != 1) {
                throw new IllegalStateException("expected 1 result, got " + result.results().size());
            }
            traffic.searches.incrementAndGet();
        }), 0, SEARCH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        traffic.threads.scheduleWithFixedDelay(() -> traffic.timed("heartbeat", () -> {
            client.heartbeat(peerKey, 10, java.time.Duration.ofSeconds(5));
            traffic.beats.incrementAndGet();
        }), 0, BEAT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return traffic;
    }

    private interface Request {
        void run() throws Exception;
    }

    private void timed(String what, Request request) {
        long began = System.nanoTime();
        try {
            request.run();
        } catch (Exception | AssertionError e) {
            failures.add(what + " failed after " + (System.nanoTime() - began) / 1_000_000 + " ms: " + e.getMessage());
        }
        slowestNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return String.format("honest peer: %d searches and %d heartbeats answered, slowest %d ms, %d failed",
                searches.get(), beats.get(), slowestNanos.get() / 1_000_000, failures.size());
    }
}
