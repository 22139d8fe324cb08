package napster.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.protocol.Heartbeat;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;

/**
 * Keeps the simulated peers of a benchmark alive as real peers keep themselves: each beats
 * every 10 s, spread evenly over the interval (1,000 peers: 100 beats a second, part of the
 * load a real index carries). Without it the indexer would drop them after three missed beats.
 */
final class PeerHeartbeats implements AutoCloseable {
    private final IndexClient client;
    private final ScheduledExecutorService beater;
    private final AtomicLong beats = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    private PeerHeartbeats(IndexClient client, ScheduledExecutorService beater) {
        this.client = client;
        this.beater = beater;
    }

    static PeerHeartbeats start(ClientSettings login, int peers) throws BrokerUnavailableException {
        IndexClient client = IndexClient.connect(login, "bench-heartbeats", Duration.ofSeconds(10));
        ScheduledExecutorService beater = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        PeerHeartbeats heartbeats = new PeerHeartbeats(client, beater);
        AtomicInteger next = new AtomicInteger();
        long everyMicros = TimeUnit.SECONDS.toMicros(Heartbeat.DEFAULT_INTERVAL_SECONDS) / peers;
        beater.scheduleAtFixedRate(() -> heartbeats.beat(LibraryRegistrar.peerKey(next.getAndIncrement() % peers)),
                everyMicros, Math.max(1, everyMicros), TimeUnit.MICROSECONDS);
        return heartbeats;
    }

    private void beat(String peerKey) {
        try {
            client.heartbeat(peerKey, Heartbeat.DEFAULT_INTERVAL_SECONDS, Duration.ofSeconds(5));
            beats.incrementAndGet();
        } catch (IndexException | RuntimeException e) {
            failure.compareAndSet(null, e.getMessage());
        }
    }

    long beats() {
        return beats.get();
    }

    /** The first heartbeat that failed, if any did. */
    String failure() {
        return failure.get();
    }

    @Override
    public void close() {
        beater.shutdownNow();
        try {
            beater.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
