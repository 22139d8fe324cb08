package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Enumeration;
import java.util.UUID;
import napster.common.jms.Destinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real activemq.xml gives every message a time to live, counted from when the broker
 * receives it: 60 s when the sender set none, 5 min at most, while napster's own times to live
 * pass unchanged. No indexer runs here, so requests wait in their queues as when it is down.
 */
class TimeToLiveCapIT {
    private static final long DEFAULT_TTL = 60_000;
    private static final long MAX_TTL = 300_000;

    @RegisterExtension
    static final RealBroker broker = new RealBroker();

    /** The only test that sends to napster.search, so the queue is empty once its request has gone. */
    @Test
    void stompSearch_withoutExpires_isGoneAMinuteAfterItArrived() throws Exception {
        String id = UUID.randomUUID().toString();
        try (StompClient stomp = StompClient.login(broker.stompPort(), "peer", "peer");
             Connection indexer = broker.login("indexer")) {
            stomp.send(sendFrame(Destinations.SEARCH, id, "") + "{\"type\":\"search\",\"query\":\"6.txt\"}");
            assertThat(stomp.readFrame()).startsWith("RECEIPT");

            Message waiting = browse(indexer, Destinations.SEARCH, id);
            assertThat(waiting.getJMSExpiration() - waiting.getJMSTimestamp()).isEqualTo(DEFAULT_TTL);

            BrokerGauges gauges = new BrokerGauges();
            Session session = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            await().atMost(Duration.ofMillis(DEFAULT_TTL + 20_000)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> gauges.queueSize(session.createQueue(Destinations.SEARCH)) == 0);
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(waiting.getJMSExpiration());
        }
    }

    /** ActiveMQ's own timeStampingBrokerPlugin leaves a message without a timestamp alone. */
    @Test
    void stompRequest_withTimestampZero_expiresToo() throws Exception {
        assertThat(stompTimeToLive("timestamp:0\n")).isEqualTo(DEFAULT_TTL);
    }

    @Test
    void stompRequest_expiringInAnHour_livesFiveMinutes() throws Exception {
        assertThat(stompTimeToLive("expires:" + (System.currentTimeMillis() + 3_600_000) + "\n")).isEqualTo(MAX_TTL);
    }

    /** The longest a napster peer gives a registration: its timeout plus 0.1 ms per file of a 1,000,000-file share. */
    @Test
    void registration_keepsItsOwnTimeToLive() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection peer = broker.login("peer"); Connection indexer = broker.login("indexer")) {
            Session session = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Destinations.REGISTER));
            Message register = session.createTextMessage("{\"type\":\"register\"}");
            register.setJMSCorrelationID(id);
            producer.send(register, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 110_000);

            Message waiting = browse(indexer, Destinations.REGISTER, id);
            assertThat(waiting.getJMSExpiration() - waiting.getJMSTimestamp()).isEqualTo(110_000);
        }
    }

    /** The indexer publishes events without a time to live; subscribers still get them, now with the default one. */
    @Test
    void topicEvent_sentWithoutExpiry_reachesItsSubscriber() throws Exception {
        try (Connection peer = broker.login("peer"); Connection indexer = broker.login("indexer")) {
            Session peerSession = peer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer events = peerSession.createConsumer(peerSession.createTopic(Destinations.EVENTS));
            Session session = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(Destinations.EVENTS));
            producer.send(session.createTextMessage("{\"type\":\"peerChanged\"}"), DeliveryMode.NON_PERSISTENT,
                    Message.DEFAULT_PRIORITY, 0);

            Message event = events.receive(10_000);
            assertThat(event).isNotNull();
            assertThat(event.getJMSExpiration() - event.getJMSTimestamp()).isEqualTo(DEFAULT_TTL);
        }
    }

    /** Sends a request over STOMP to napster.register with these extra headers; returns the time to live it got. */
    private static long stompTimeToLive(String headers) throws Exception {
        String id = UUID.randomUUID().toString();
        try (StompClient stomp = StompClient.login(broker.stompPort(), "peer", "peer");
             Connection indexer = broker.login("indexer")) {
            stomp.send(sendFrame(Destinations.REGISTER, id, headers) + "{}");
            assertThat(stomp.readFrame()).startsWith("RECEIPT");
            Message waiting = browse(indexer, Destinations.REGISTER, id);
            return waiting.getJMSExpiration() - waiting.getJMSTimestamp();
        }
    }

    private static String sendFrame(String queue, String id, String moreHeaders) {
        return "SEND\ndestination:/queue/" + queue + "\ncorrelation-id:" + id + "\nreceipt:" + id + "\n" + moreHeaders
                + "\n";
    }

    /** The message with this correlation id waiting in {@code queue}, as the indexer would get it. */
    private static Message browse(Connection connection, String queue, String correlationId) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue),
                "JMSCorrelationID = '" + correlationId + "'")) {
            Enumeration<?> waiting = browser.getEnumeration();
            assertThat(waiting.hasMoreElements()).as("a message %s waiting in %s", correlationId, queue).isTrue();
            return (Message) waiting.nextElement();
        } finally {
            session.close();
        }
    }
}
