package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.jms.Destinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real activemq.xml refuses a request whose reply-to is not a temporary destination of the
 * sending connection, over OpenWire and STOMP alike; the indexer (here a plain consumer of
 * {@code napster.search}) never sees such a request.
 */
class ReplyToCheckIT {
    private static final long RECEIVE_MILLIS = 10_000;

    @RegisterExtension
    static final RealBroker broker = new RealBroker();

    /** Starts the body of every request a test sends, so a test tells its own requests apart. */
    private final String mark = UUID.randomUUID() + ":";
    private Connection indexer;
    private MessageConsumer searches;

    @BeforeEach
    void consumeSearches() throws Exception {
        indexer = broker.login("indexer");
        Session session = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
        searches = session.createConsumer(session.createQueue(Destinations.SEARCH));
    }

    @AfterEach
    void closeIndexer() throws JMSException {
        indexer.close();
    }

    @Test
    void jmsRequest_replyToItsOwnTemporaryQueue_reachesTheIndexer() throws Exception {
        try (Connection peer = broker.login("peer")) {
            Session session = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, session.createTemporaryQueue(), DeliveryMode.PERSISTENT, "own");

            assertThat(nextSearch()).isEqualTo("own");
        }
    }

    @Test
    void jmsRequest_replyToAnotherConnectionsQueue_isRefused() throws Exception {
        try (Connection alice = broker.login("peer"); Connection mallory = broker.login("peer")) {
            TemporaryQueue aliceReplies = alice.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session session = mallory.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> send(session, aliceReplies, DeliveryMode.PERSISTENT, "posing"))
                    .isInstanceOf(JMSSecurityException.class).hasMessage(ReplyToCheck.REFUSAL);
            send(session, session.createTemporaryQueue(), DeliveryMode.PERSISTENT, "own");
            assertThat(nextSearch()).isEqualTo("own");
        }
    }

    @Test
    void jmsRequest_replyToANapsterQueue_isRefused() throws Exception {
        try (Connection mallory = broker.login("peer")) {
            Session session = mallory.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> send(session, session.createQueue(Destinations.REGISTER), DeliveryMode.PERSISTENT,
                    "loop")).isInstanceOf(JMSSecurityException.class).hasMessage(ReplyToCheck.REFUSAL);
        }
    }

    /** A non-persistent send does not wait for the broker: the refusal reaches the connection's listener. */
    @Test
    void asynchronousRequest_replyToAnotherConnectionsQueue_neverReachesTheIndexer() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection alice = broker.login("peer"); Connection mallory = broker.login("peer")) {
            mallory.setExceptionListener(e -> errors.add(e.getMessage()));
            TemporaryQueue aliceReplies = alice.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session session = mallory.createSession(false, Session.AUTO_ACKNOWLEDGE);

            send(session, aliceReplies, DeliveryMode.NON_PERSISTENT, "posing");
            send(session, session.createTemporaryQueue(), DeliveryMode.NON_PERSISTENT, "own");

            // the broker handles one connection's sends in order: had "posing" passed, it would come first
            assertThat(nextSearch()).isEqualTo("own");
            // the refusal reaches mallory's exception listener on a thread of its own, in its own time
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(errors).contains(ReplyToCheck.REFUSAL));
        }
    }

    @Test
    void stompRequest_replyToItsOwnTempQueue_reachesTheIndexer() throws Exception {
        try (StompClient stomp = StompClient.login(broker.stompPort(), "peer", "peer")) {
            stomp.send("SUBSCRIBE\nid:replies\ndestination:/temp-queue/replies\n\n");
            stomp.send(searchFrame("/temp-queue/replies", "stomp-own"));

            assertThat(stomp.readFrame()).startsWith("RECEIPT").contains("receipt-id:stomp-own");
            assertThat(nextSearch()).isEqualTo("stomp-own");
        }
    }

    @Test
    void stompRequest_replyToAnotherConnectionsQueue_getsAnErrorFrame() throws Exception {
        try (Connection alice = broker.login("peer");
             StompClient mallory = StompClient.login(broker.stompPort(), "peer", "peer")) {
            TemporaryQueue aliceReplies = alice.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();

            mallory.send(searchFrame("/remote-temp-queue/" + aliceReplies.getQueueName(), "stomp-posing"));
            assertThat(mallory.readFrame()).startsWith("ERROR").contains("receipt-id:stomp-posing")
                    .contains("message:" + ReplyToCheck.REFUSAL);

            mallory.send(searchFrame("/queue/" + Destinations.REGISTER, "stomp-loop"));
            assertThat(mallory.readFrame()).startsWith("ERROR").contains("receipt-id:stomp-loop");
        }
    }

    private String searchFrame(String replyTo, String id) {
        return "SEND\ndestination:/queue/" + Destinations.SEARCH + "\nreply-to:" + replyTo + "\ncorrelation-id:" + id
                + "\nreceipt:" + id + "\n\n" + mark + id;
    }

    private void send(Session session, Destination replyTo, int deliveryMode, String body) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(Destinations.SEARCH));
        producer.setDeliveryMode(deliveryMode);
        TextMessage message = session.createTextMessage(mark + body);
        message.setJMSReplyTo(replyTo);
        producer.send(message);
        producer.close();
    }

    /** The next request of this test that the indexer gets, without the mark; other tests' leftovers are skipped. */
    private String nextSearch() throws JMSException {
        while (true) {
            Message received = searches.receive(RECEIVE_MILLIS);
            assertThat(received).as("a request within %d ms", RECEIVE_MILLIS).isNotNull();
            String body = ((TextMessage) received).getText();
            if (body.startsWith(mark)) {
                return body.substring(mark.length());
            }
        }
    }
}
