package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import napster.broker.BrokerGauges;
import napster.common.jms.BrokerConnector;
import napster.common.jms.Destinations;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reply amplification against the real activemq.xml and indexer: an attacker registers 5,000
 * files with 200-character names and asks, again and again, for 1,000 of them (a reply of about
 * 600 KB each) to be sent to a temporary queue it never reads. Only its own queue may fill up:
 * a real client's searches and a real peer's heartbeats are answered in time throughout, and
 * afterwards the broker's message memory is free again.
 *
 * <p>The attacker keeps only a few searches waiting in {@code napster.search} (the indexer's
 * per-connection rate limit would hold it there), so what is tested is where the replies go,
 * not how the indexer shares its time. Failsafe runs this class in a JVM with a small heap
 * (see the pom), as on a small server, so the old limit of 70 % of the heap fills in seconds.
 */
class ReplyFloodIT {
    private static final int ATTACK_FILES = 5_000;
    private static final int MAX_ATTACK_SEARCHES = 3_000;
    private static final Duration ATTACK_TIME = Duration.ofSeconds(25);
    /** Searches the attacker keeps queued or in the indexer's hands at most. */
    private static final int ATTACK_WINDOW = 12;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path work;

    @Test
    void searchFlood_intoAnUnreadReplyQueue_costsOnlyTheAttacker() throws Exception {
        BrokerGauges gauges = new BrokerGauges();
        try (NapsterSystem system = NapsterSystem.start(work);
             IndexClient victim = IndexClient.connect(system.peerLogin(), "victim", CLIENT_TIMEOUT);
             IndexClient attackerIndex = IndexClient.connect(system.peerLogin(), "attacker", Duration.ofSeconds(60));
             Connection attacker = new BrokerConnector(system.peerLogin()).connect("attacker-raw")) {
            victim.register("victim-peer-key-000000001", "127.0.0.1", 25000,
                    List.of(new SharedFile("victim.txt", 3, WalkthroughIT.sha256("abc".getBytes(StandardCharsets.UTF_8)))));
            attackerIndex.register("attacker-peer-key-0000001", "127.0.0.1", 25001, attackFiles());

            Session session = attacker.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue unread = session.createTemporaryQueue(); // no consumer, ever
            Queue search = session.createQueue(Destinations.SEARCH);
            MessageProducer producer = session.createProducer(search);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);

            HonestTraffic honest = HonestTraffic.start(victim, "victim-peer-key-000000001", "victim.txt");
            try {
                long began = System.nanoTime();
                int sent = 0;
                while (sent < MAX_ATTACK_SEARCHES && System.nanoTime() - began < ATTACK_TIME.toNanos()
                        && honest.failures().isEmpty()) {
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                            .until(() -> gauges.queueSize(search) < ATTACK_WINDOW);
                    TextMessage request = session.createTextMessage(
                            "{\"type\":\"search\",\"query\":\"flood\",\"limit\":1000}");
                    request.setJMSReplyTo(unread);
                    request.setJMSCorrelationID("flood-" + sent);
                    producer.send(request);
                    sent++;
                }
                System.out.printf("attacker sent %d searches in %d ms; %s; broker memory %d %% of %d MB,"
                                + " unread queue %d messages, %d bytes%n",
                        sent, (System.nanoTime() - began) / 1_000_000, honest, gauges.memoryPercentUsage(),
                        gauges.memoryLimit() >> 20, gauges.queueSize(unread), gauges.queueBytes(unread));
                assertThat(honest.failures()).as("honest requests that failed during the attack").isEmpty();
                assertThat(sent).as("searches the attacker got in").isGreaterThan(1_000);
            } finally {
                honest.close();
            }
            // at most its own 1 MiB and one reply more stay behind, while the attacker is still connected
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(gauges.queueBytes(unread)).isLessThan(2L << 20));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauges.memoryPercentUsage()).isLessThanOrEqualTo(1));
        }
    }

    private static List<SharedFile> attackFiles() throws Exception {
        List<SharedFile> files = new ArrayList<>(ATTACK_FILES);
        for (int i = 0; i < ATTACK_FILES; i++) {
            String name = String.format("flood %0194d", i); // 200 characters, one word shared by all
            files.add(new SharedFile(name, i,
                    WalkthroughIT.sha256(("flood " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return files;
    }
}
