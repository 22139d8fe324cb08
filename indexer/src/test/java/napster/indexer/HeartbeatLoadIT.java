package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.protocol.Ack;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Message;
import napster.common.protocol.Register;
import napster.common.protocol.SharedFile;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What liveness costs: 1,000 registered peers heartbeat through a real broker into the real
 * indexer as fast as they are taken (100 beats in flight). Prints the beats per second and the
 * CPU time per beat of broker, indexer and senders together (one JVM), and from them the share
 * of one core that 1,000 peers beating every 10 s need. A benchmark that prints, not a timed test.
 */
@Tag("speed")
class HeartbeatLoadIT {
    private static final int PEERS = 1_000;
    private static final int WINDOW = 100;
    private static final int WARM_UP_BEATS = 5_000;
    private static final int MEASURED_BEATS = 20_000;
    private static final int INTERVAL_SECONDS = 10;

    @Test
    void heartbeats_from1000Peers_printThroughputAndCpuPerBeat() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             Indexer indexer = Indexer.start(new ClientSettings(broker.url(), "indexer", "indexer"));
             TestPeer peers = TestPeer.connect(broker.url(), "peer")) {
            List<CompletableFuture<Message>> registered = new ArrayList<>();
            for (int i = 0; i < PEERS; i++) {
                registered.add(peers.registerAsync(new Register(key(i), "127.0.0.1", 20_000 + i,
                        List.of(new SharedFile("file-" + i + ".txt", i, "%064x".formatted(i))))));
            }
            for (CompletableFuture<Message> reply : registered) {
                assertThat(TestPeer.await(reply)).isInstanceOf(Ack.class);
            }
            assertThat(indexer.stats().peers()).isEqualTo(PEERS);

            beat(peers, WARM_UP_BEATS);
            long cpuBefore = processCpuNanos();
            long began = System.nanoTime();
            beat(peers, MEASURED_BEATS);
            double seconds = (System.nanoTime() - began) / 1e9;
            double cpuMicrosPerBeat = (processCpuNanos() - cpuBefore) / 1e3 / MEASURED_BEATS;

            double load = (double) PEERS / INTERVAL_SECONDS;
            System.out.printf("heartbeats: %.0f beats/s through broker and indexer, %.1f µs CPU per beat (broker,"
                            + " indexer and senders in one JVM); %d peers every %d s = %.0f beats/s (and as many"
                            + " acks) = %.1f %% of one core%n", MEASURED_BEATS / seconds, cpuMicrosPerBeat, PEERS,
                    INTERVAL_SECONDS, load, load * cpuMicrosPerBeat / 1e4);
            assertThat(indexer.stats().peers()).as("no peer expired while beating").isEqualTo(PEERS);
        }
    }

    /** Sends {@code count} heartbeats round-robin over the peers, at most {@link #WINDOW} awaiting their ack. */
    private static void beat(TestPeer peers, int count) throws Exception {
        List<CompletableFuture<Message>> inFlight = new ArrayList<>(WINDOW);
        for (int i = 0; i < count; i++) {
            inFlight.add(peers.request(Destinations.REGISTER, new Heartbeat(key(i % PEERS), INTERVAL_SECONDS),
                    Delivery.NON_PERSISTENT));
            if (inFlight.size() == WINDOW) {
                for (CompletableFuture<Message> reply : inFlight) {
                    assertThat(TestPeer.await(reply)).isInstanceOf(Ack.class);
                }
                inFlight.clear();
            }
        }
        for (CompletableFuture<Message> reply : inFlight) {
            assertThat(TestPeer.await(reply)).isInstanceOf(Ack.class);
        }
    }

    private static String key(int peer) {
        return "load-peer-key-%06d".formatted(peer);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
