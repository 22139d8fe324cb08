package napster.indexer;

import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.DeliveryMode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.protocol.Ack;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.Reannounce;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.Unregister;
import napster.common.testing.EmbeddedBroker;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.FixedCountSubscriptionRecoveryPolicy;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases, events and reannounce against a real broker, each test with its own broker and indexer. */
class IndexerLivenessIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EmbeddedBroker broker;
    private final AutoCloseables closing = new AutoCloseables();

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
    }

    @AfterEach
    void stop() throws Exception {
        closing.close();
        broker.close();
    }

    private Indexer startIndexer(IndexerSettings options) throws Exception {
        return closing.add(Indexer.start(new ClientSettings(broker.url(), "indexer", "indexer"), options));
    }

    private TestPeer peer(String user) throws Exception {
        return closing.add(TestPeer.connect(broker.url(), user));
    }

    private TopicRecorder record(String topic) throws Exception {
        return closing.add(new TopicRecorder(broker.url(), topic));
    }

    @Test
    void start_publishesReannounceOnControlOnceConsumersAreReady() throws Exception {
        TopicRecorder control = record(Destinations.CONTROL);

        startIndexer(IndexerSettings.defaults());

        await().atMost(WAIT).until(() -> !control.received().isEmpty());
        assertThat(control.received()).singleElement().satisfies(received -> {
            assertThat(received.message()).isEqualTo(new Reannounce(Indexer.STARTED));
            assertThat(received.jmsType()).isEqualTo("reannounce");
            assertThat(received.deliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        });
    }

    @Test
    void registerThenUnregister_publishesJoinedFilesChangedAndLeftOnEvents() throws Exception {
        TopicRecorder events = record(Destinations.EVENTS);
        startIndexer(IndexerSettings.defaults());
        TestPeer alice = peer("alice");

        Ack ack = (Ack) alice.register(new Register(key(1), "10.0.0.1", 25_001, List.of(file("a", 1), file("b", 2))));
        alice.register(new Unregister(key(1)));

        int id = ack.peerId();
        await().atMost(WAIT).until(() -> events.messages().size() >= 3);
        assertThat(events.messages()).containsExactly(
                new PeerChanged(PeerChanged.JOINED, id, "10.0.0.1", 25_001, 2, null),
                new FilesChanged(id, "10.0.0.1", 25_001, List.of(file("a", 1), file("b", 2)), List.of()),
                new PeerChanged(PeerChanged.LEFT, id, "10.0.0.1", 25_001, 2, PeerChanged.UNREGISTERED));
        assertThat(events.received()).extracting(TopicRecorder.Received::deliveryMode)
                .containsOnly(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    void listPeers_overJms_listsPeersByIdWithTheirShares() throws Exception {
        startIndexer(IndexerSettings.defaults());
        TestPeer alice = peer("alice");
        int first = ((Ack) alice.register(new Register(key(1), "10.0.0.1", 25_001, List.of(file("a", 1))))).peerId();
        int second = ((Ack) alice.register(new Register(key(2), "10.0.0.2", 25_002, List.of()))).peerId();

        List<PeerInfo> peers = peer("bob").peers(new ListPeers(null)).peers();

        assertThat(peers).extracting(PeerInfo::peerId, PeerInfo::host, PeerInfo::port, PeerInfo::files,
                PeerInfo::bytes).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, "10.0.0.1", 25_001, 1, 1_001L),
                        org.assertj.core.groups.Tuple.tuple(second, "10.0.0.2", 25_002, 0, 0L));
        assertThat(peers).allSatisfy(info -> assertThat(info.lastSeen()).isNotNull());
    }

    @Test
    void heartbeat_peerStopsBeating_isDroppedAndReportedExpired() throws Exception {
        TopicRecorder events = record(Destinations.EVENTS);
        startIndexer(IndexerSettings.defaults());
        TestPeer alice = peer("alice");
        int id = ((Ack) alice.register(new Register(key(1), "10.0.0.1", 25_001, List.of(file("gone", 1))))).peerId();

        assertThat(alice.heartbeat(new Heartbeat(key(1), 1))).isEqualTo(new Ack(id, 1));

        // 3 missed beats of 1 s, then the next sweep (every second): gone within about 4-5 s
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.search(Search.byName("gone")).results().isEmpty());
        await().atMost(WAIT).until(() -> events.messages().contains(
                new PeerChanged(PeerChanged.LEFT, id, "10.0.0.1", 25_001, 1, PeerChanged.EXPIRED)));
        assertThat(peer("bob").peers(new ListPeers(null)).peers()).isEmpty();
    }

    @Test
    void brokerRestart_indexerReconnectsAndAsksPeersToReannounce() throws Exception {
        Indexer indexer = startIndexer(IndexerSettings.defaults());
        int port = URI.create(broker.url()).getPort();

        broker.close();
        BrokerService restarted = restartOnPort(port);
        try {
            // retroactive: the topic keeps its last messages, so the reannounce is seen however the race goes
            TopicRecorder control = record(Destinations.CONTROL + "?consumer.retroactive=true");
            await().atMost(Duration.ofSeconds(30)).until(() -> control.messages().contains(
                    new Reannounce(Indexer.RECONNECTED)));

            TestPeer alice = peer("alice");
            alice.register(new Register(key(1), "10.0.0.1", 25_001, List.of(file("after-restart", 1))));
            assertThat(alice.search(Search.byName("after-restart")).results()).hasSize(1);
            assertThat(indexer.brokerLost()).as("failover rides out the outage").isNotDone();
        } finally {
            closing.close();
            restarted.stop();
            restarted.waitUntilStopped();
        }
    }

    /** A broker like EmbeddedBroker's on the port the first one got, keeping the last messages of each topic. */
    private static BrokerService restartOnPort(int port) throws Exception {
        BrokerService service = new BrokerService();
        service.setBrokerName("restarted-" + System.nanoTime());
        service.setPersistent(false);
        service.setUseJmx(false);
        service.setPopulateJMSXUserID(true);
        service.setUseAuthenticatedPrincipalForJMSXUserID(true);
        FixedCountSubscriptionRecoveryPolicy recovery = new FixedCountSubscriptionRecoveryPolicy();
        recovery.setMaximumSize(100);
        PolicyEntry topics = new PolicyEntry();
        topics.setTopic(">");
        topics.setSubscriptionRecoveryPolicy(recovery);
        PolicyMap policies = new PolicyMap();
        policies.setPolicyEntries(List.of(topics));
        service.setDestinationPolicy(policies);
        service.addConnector("tcp://127.0.0.1:" + port);
        service.start();
        service.waitUntilStarted();
        return service;
    }
}
