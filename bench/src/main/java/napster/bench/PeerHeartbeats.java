package napster.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * It starts before the registration and beats each peer from the moment its registration was
 * acknowledged ({@link #registered}): a registration of many files outlasts a lease (30 s).
 */
final class PeerHeartbeats implements AutoCloseable {
    private final IndexClient client;
    private final ScheduledExecutorService beater;
    private final AtomicLong beats = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicIntegerArray registered;

    private PeerHeartbeats(IndexClient client, ScheduledExecutorService beater, int peers) {
        this.client = client;
        this.beater = beater;
        this.registered = new AtomicIntegerArray(peers);
    }

    static PeerHeartbeats start(ClientSettings login, int peers) throws BrokerUnavailableException {
        IndexClient client = IndexClient.connect(login, "bench-heartbeats", Duration.ofSeconds(10));
        ScheduledExecutorService beater = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        PeerHeartbeats heartbeats = new PeerHeartbeats(client, beater, peers);
        AtomicInteger next = new AtomicInteger();
        long everyMicros = TimeUnit.SECONDS.toMicros(Heartbeat.DEFAULT_INTERVAL_SECONDS) / peers;
        beater.scheduleAtFixedRate(() -> heartbeats.beat(next.getAndIncrement() % peers),
                everyMicros, Math.max(1, everyMicros), TimeUnit.MICROSECONDS);
        return heartbeats;
    }

    /** From now on the simulated peer {@code peer} is beaten for: the indexer acknowledged its registration. */
    void registered(int peer) {
        registered.set(peer, 1);
    }

    private void beat(int peer) {
        if (registered.get(peer) == 0) {
            return; // its slot comes round again within the interval, well inside its lease
        }
        try {
            client.heartbeat(LibraryRegistrar.peerKey(peer), Heartbeat.DEFAULT_INTERVAL_SECONDS, Duration.ofSeconds(5));
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
