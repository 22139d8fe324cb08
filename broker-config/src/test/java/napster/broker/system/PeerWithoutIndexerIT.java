package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.broker.BrokerLauncher;
import napster.broker.BrokerSettings;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.protocol.Holder;
import napster.common.protocol.Search;
import napster.indexer.Indexer;
import napster.peer.index.IndexClient;
import napster.peer.session.ShareSettings;
import napster.peer.session.SharingSession;
import napster.peer.transfer.Downloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharing peer never gives up on the index: started while no indexer runs, or while the one
 * that runs dies with its registration, it serves at once, says so once, and registers as soon
 * as an indexer answers — its registration waiting in the broker meanwhile. The real broker
 * from activemq.xml and the real indexer.
 */
class PeerWithoutIndexerIT {
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private BrokerLauncher broker;
    private Indexer indexer;
    private SharingSession peer;
    private final List<String> peerLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBrokerOnly() throws Exception {
        broker = BrokerLauncher.start(new BrokerSettings(Path.of("").toAbsolutePath(), "127.0.0.1", 0, 0,
                work.resolve("broker-data")));
    }

    @AfterEach
    void stopAll() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (indexer != null) {
            indexer.close();
        }
        broker.close();
    }

    @Test
    void share_noIndexerRunning_servesAtOnceAndRegistersWhenOneStarts() throws Exception {
        peer = share();

        assertThat(peer.registeredAtStart()).isFalse();
        assertThat(peerLog).filteredOn(line -> line.startsWith("No indexer answered within 2 s")).hasSize(1);
        assertThat(new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .ping(new Holder(1, "127.0.0.1", peer.port(), java.time.Instant.now(), "a-file.txt"))).isPositive();
        assertThat(waitingRegistrations()).as("the registration waits in the broker").isPositive();

        indexer = Indexer.start(new ClientSettings(broker.localOpenWireUrl(), "indexer", "indexer"));

        await().atMost(WITHIN).until(() -> found("a-file.txt"));
        await().atMost(WITHIN).until(() -> peer.peerId() > 0);
        assertThat(peerLog).anyMatch(line -> line.startsWith("Registered as peer " + peer.peerId()));
        assertThat(peerLog).filteredOn(line -> line.startsWith("No indexer answered")).hasSize(1);
    }

    @Test
    void share_indexerDiesWithTheFirstRegistration_registersWithTheNextIndexer() throws Exception {
        ClientSettings indexerLogin = new ClientSettings(broker.localOpenWireUrl(), "indexer", "indexer");
        Connection dying = new BrokerConnector(indexerLogin).connect("dying-indexer");
        Session session = dying.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer registrations = session.createConsumer(session.createQueue(Destinations.REGISTER));

        peer = share();
        // the dying indexer takes the registration off the queue, then dies without answering
        assertThat(registrations.receive(WITHIN.toMillis())).isNotNull();
        dying.close();
        assertThat(peer.registeredAtStart()).isFalse();

        indexer = Indexer.start(indexerLogin);

        await().atMost(WITHIN).until(() -> found("a-file.txt"));
    }

    private SharingSession share() throws Exception {
        Path folder = Files.createDirectories(work.resolve("share"));
        Files.writeString(folder.resolve("a-file.txt"), "shared while no indexer ran\n");
        return SharingSession.start(new ShareSettings(List.of(folder), 0, "127.0.0.1", 2, Duration.ofSeconds(30),
                work.resolve("hash-cache")), new ClientSettings(broker.localOpenWireUrl(), "peer", "peer"),
                FIRST_WAIT, peerLog::add);
    }

    private boolean found(String name) throws Exception {
        try (IndexClient client = IndexClient.connect(new ClientSettings(broker.localOpenWireUrl(), "peer", "peer"),
                "test-search", Duration.ofSeconds(5))) {
            return client.search(Search.byName(name)).results().stream().anyMatch(hit -> hit.name().equals(name));
        }
    }

    /** Registrations waiting on napster.register, seen through a queue browser as the console sees them. */
    private int waitingRegistrations() throws Exception {
        try (Connection admin = new BrokerConnector(new ClientSettings(broker.localOpenWireUrl(), "admin", "admin"))
                .connect("test-browse")) {
            Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(Destinations.REGISTER));
            return Collections.list(browser.getEnumeration()).size();
        }
    }
}
