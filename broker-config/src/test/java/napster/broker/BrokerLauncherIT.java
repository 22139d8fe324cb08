package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real broker-config/activemq.xml, users and groups, on ephemeral ports. */
class BrokerLauncherIT {
    /** Failsafe runs in the module folder, which is the broker-config folder itself. */
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();
    private static final long RECEIVE_MILLIS = 10_000;

    @TempDir
    static Path sharedData;

    static BrokerLauncher broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", 0, 0, sharedData));
        System.out.println("Broker start-up time (in-JVM, BrokerLauncher.start): " + broker.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static Connection login(String user, String password) throws BrokerUnavailableException {
        return new BrokerConnector(new ClientSettings(broker.localOpenWireUrl(), user, password)).connect("it-" + user);
    }

    @Test
    void start_portZero_reportsBoundPorts() {
        assertThat(broker.openWireUri().getScheme()).isEqualTo("tcp");
        assertThat(broker.openWireUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(broker.openWireUri().getPort()).isPositive();
        assertThat(broker.stompUri().getScheme()).isEqualTo("stomp");
        assertThat(broker.stompUri().getPort()).isPositive().isNotEqualTo(broker.openWireUri().getPort());
        assertThat(broker.localOpenWireUrl()).isEqualTo("tcp://127.0.0.1:" + broker.openWireUri().getPort());
    }

    @Test
    void peerLogin_sendsToSearchQueue() throws Exception {
        try (Connection peer = login("peer", "peer")) {
            Session session = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Destinations.SEARCH));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT); // a persistent send is synchronous: a refusal would throw here
            producer.setTimeToLive(5_000);
            producer.send(session.createTextMessage("{\"type\":\"search\",\"query\":\"6.txt\"}"));
        }
    }

    @Test
    void anonymousConnection_isRefused() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.localOpenWireUrl());
        assertThatThrownBy(() -> {
            try (Connection connection = factory.createConnection()) {
                connection.start();
            }
        }).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void wrongPassword_isRefused() {
        assertThatThrownBy(() -> login("peer", "not-the-password").close())
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("refused the login of user 'peer'");
    }

    @Test
    void indexerLogin_consumesRegister_withPeerStampedAsUser() throws Exception {
        try (Connection indexer = login("indexer", "indexer"); Connection peer = login("peer", "peer")) {
            Session indexerSession = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = indexerSession.createConsumer(indexerSession.createQueue(Destinations.REGISTER));
            Session peerSession = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = peerSession.createProducer(peerSession.createQueue(Destinations.REGISTER));
            TextMessage sent = peerSession.createTextMessage("{\"type\":\"register\"}");
            sent.setStringProperty("JMSXUserID", "admin"); // a forgery the broker must overwrite
            producer.send(sent);

            Message received = consumer.receive(RECEIVE_MILLIS);

            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("{\"type\":\"register\"}");
            assertThat(received.getStringProperty("JMSXUserID")).isEqualTo("peer");
        }
    }

    @Test
    void peer_requestReplyThroughTemporaryQueue_works() throws Exception {
        try (Connection indexer = login("indexer", "indexer"); Connection peer = login("peer", "peer")) {
            Session indexerSession = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer requests = indexerSession.createConsumer(indexerSession.createQueue(Destinations.SEARCH));
            Session peerSession = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replyQueue = peerSession.createTemporaryQueue();
            MessageConsumer replies = peerSession.createConsumer(replyQueue);
            TextMessage request = peerSession.createTextMessage("{\"type\":\"search\",\"query\":\"x\"}");
            request.setJMSReplyTo(replyQueue);
            request.setJMSCorrelationID("c-1");
            peerSession.createProducer(peerSession.createQueue(Destinations.SEARCH)).send(request);

            Message received = requests.receive(RECEIVE_MILLIS);
            while (received != null && !"c-1".equals(received.getJMSCorrelationID())) {
                received = requests.receive(RECEIVE_MILLIS); // skip what other tests left on the queue
            }
            assertThat(received).isNotNull();
            TextMessage reply = indexerSession.createTextMessage("{\"type\":\"searchResult\"}");
            reply.setJMSCorrelationID(received.getJMSCorrelationID());
            indexerSession.createProducer(received.getJMSReplyTo()).send(reply);

            Message answer = replies.receive(RECEIVE_MILLIS);
            assertThat(answer).isNotNull();
            assertThat(answer.getJMSCorrelationID()).isEqualTo("c-1");
        }
    }

    /** The Java client's own check; the STOMP test below shows the broker refuses too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"indexer", "peer"})
    void replyQueue_ofAPeer_cannotBeConsumedByAnotherConnection(String otherLogin) throws Exception {
        try (Connection alice = login("peer", "peer"); Connection other = login(otherLogin, otherLogin)) {
            TemporaryQueue aliceReplies = alice.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session otherSession = other.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> otherSession.createConsumer(aliceReplies)).isInstanceOf(JMSException.class)
                    .hasMessageContaining("Cannot use a Temporary destination from another Connection");
        }
    }

    @Test
    void replyQueue_ofAnotherPeer_isRefusedByTheBrokerItself() throws Exception {
        // STOMP skips the Java client's own check, so only the broker stands between bob and alice's replies
        try (Connection alice = login("peer", "peer");
             StompClient bob = StompClient.login(broker.stompUri().getPort(), "peer", "peer")) {
            TemporaryQueue aliceReplies = alice.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();

            bob.send("SUBSCRIBE\nid:0\ndestination:/remote-temp-queue/" + aliceReplies.getQueueName()
                    + "\nreceipt:r1\n\n");

            assertThat(bob.readFrame()).startsWith("ERROR").contains(
                    "message:Subscribing to a temporary queue created by another connection is not permitted");
        }
    }

    @Test
    void peer_cannotConsumeTheIndexerQueues() throws Exception {
        try (Connection peer = login("peer", "peer")) {
            Session session = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Destinations.REGISTER)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Destinations.SEARCH)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void peer_readsTopicsButCannotPublishOrWriteOtherQueues() throws Exception {
        try (Connection peer = login("peer", "peer")) {
            Session session = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createTopic(Destinations.CONTROL)).close();
            session.createConsumer(session.createTopic(Destinations.EVENTS)).close();
            assertThatThrownBy(() -> session.createProducer(session.createTopic(Destinations.EVENTS)))
                    .isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("not authorized to write to: topic://napster.events");
            assertThatThrownBy(() -> session.createProducer(session.createQueue("napster.other")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void peer_withDefaultClientOptions_canWatchTemporaryQueueAdvisories() throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("peer", "peer", broker.localOpenWireUrl());
        factory.setWatchTopicAdvisories(true); // the ActiveMQ default, used by plain JMS clients
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createTemporaryQueue()).close();
        }
    }

    @Test
    void stomp_peerLoginConnects_anonymousIsRefused() throws IOException {
        assertThat(stompConnect("login:peer\npasscode:peer\n")).startsWith("CONNECTED");
        // the broker answers ERROR and hangs up; under load its hang-up can overtake the frame, so an
        // answer that is cut off is a refusal too: the helper reads until the broker closes the socket
        String anonymous = stompConnect("");
        assertThat(anonymous).doesNotStartWith("CONNECTED");
        if (!anonymous.isEmpty()) {
            assertThat(anonymous).startsWith("ERROR");
        }
    }

    @Test
    void secondLauncher_onTakenPort_failsWithOneSentence(@TempDir Path otherData) {
        int taken = broker.openWireUri().getPort();
        assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", taken, 0, otherData)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("Port " + taken + " on 127.0.0.1 is already in use; pass --broker-port to choose another.");
        int stompTaken = broker.stompUri().getPort();
        assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", 0, stompTaken, otherData)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("Port " + stompTaken + " on 127.0.0.1 is already in use; pass --stomp-port to choose another.");
    }

    @Test
    void secondLauncher_onDataFolderInUse_failsWithOneSentence() {
        assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", 0, 0, sharedData)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("The data folder " + sharedData.toAbsolutePath() + " is in use by another broker;"
                        + " pass --data to choose another.");
    }

    @Test
    void launcher_onPortHeldByAnotherProgram_failsWithOneSentence(@TempDir Path otherData) throws IOException {
        try (ServerSocket other = new ServerSocket(0)) {
            int port = other.getLocalPort();
            assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", port, 0, otherData)))
                    .hasMessage("Port " + port + " on 127.0.0.1 is already in use; pass --broker-port to choose another.");
        }
    }

    @Test
    void launcher_withBrokenXml_namesFileAndLine(@TempDir Path config, @TempDir Path otherData) throws IOException {
        for (String name : List.of("login.config", "users.properties", "groups.properties")) {
            Files.copy(CONFIG_DIR.resolve(name), config.resolve(name));
        }
        List<String> xml = Files.readAllLines(CONFIG_DIR.resolve("activemq.xml"));
        int brokenLine = xml.indexOf("  </broker>") + 1;
        xml.set(brokenLine - 1, "  </brokr>");
        Files.write(config.resolve("activemq.xml"), xml);

        assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(config, "127.0.0.1", 0, 0, otherData)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageStartingWith("The broker configuration " + config.resolve("activemq.xml") + " is invalid at line "
                        + brokenLine + " (");
    }

    /** Sends a STOMP 1.2 CONNECT with the given headers and returns the broker's answer frame. */
    private static String stompConnect(String loginHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", broker.stompUri().getPort())) {
            socket.setSoTimeout((int) RECEIVE_MILLIS);
            String frame = "CONNECT\naccept-version:1.2\nhost:localhost\n" + loginHeaders + "\n\0";
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b > 0; b = in.read()) {
                    answer.write(b);
                }
            } catch (SocketException reset) {
                // the broker hung up (a refusal); what arrived before is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
