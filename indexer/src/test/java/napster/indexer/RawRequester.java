package napster.indexer;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.UUID;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;

/**
 * Sends hand-made JMS messages (bad JSON, bytes bodies, odd reply-to queues) the way a
 * foreign or broken client would, and reads the replies from its own temporary queue.
 */
final class RawRequester implements AutoCloseable {
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final TemporaryQueue replyQueue;
    private final MessageConsumer replies;
    private final JmsCodec codec = new JmsCodec(ProtocolCodec.standard());

    RawRequester(String brokerUrl, String user) throws BrokerUnavailableException, JMSException {
        connection = new BrokerConnector(new ClientSettings(brokerUrl, user, user)).connect("raw-" + user);
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        replyQueue = session.createTemporaryQueue();
        replies = session.createConsumer(replyQueue);
    }

    Session session() {
        return session;
    }

    /** Sends with this requester's reply queue and a fresh correlation id; returns the id. */
    String send(String queue, jakarta.jms.Message message) throws JMSException {
        return send(queue, message, replyQueue);
    }

    String send(String queue, jakarta.jms.Message message, Destination replyTo) throws JMSException {
        String correlationId = UUID.randomUUID().toString();
        message.setJMSCorrelationID(correlationId);
        message.setJMSReplyTo(replyTo);
        producer.send(session.createQueue(queue), message);
        return correlationId;
    }

    /** Sends with this requester's reply queue, {@code deliveryMode} and {@code timeToLive} (ms, 0: none); returns the id. */
    String sendWith(String queue, jakarta.jms.Message message, int deliveryMode, long timeToLive) throws JMSException {
        String correlationId = UUID.randomUUID().toString();
        message.setJMSCorrelationID(correlationId);
        message.setJMSReplyTo(replyQueue);
        producer.send(session.createQueue(queue), message, deliveryMode, jakarta.jms.Message.DEFAULT_PRIORITY,
                timeToLive);
        return correlationId;
    }

    /** True when no reply arrives for {@code quiet}: for what must not be answered at all. */
    boolean nothingWithin(Duration quiet) throws JMSException {
        return replies.receive(quiet.toMillis()) == null;
    }

    /** The next reply, decoded; fails the test if none comes in time. */
    Reply receive(Duration timeout) throws Exception {
        jakarta.jms.Message jms = replies.receive(timeout.toMillis());
        if (jms == null) {
            throw new AssertionError("no reply within " + timeout);
        }
        return new Reply(jms.getJMSCorrelationID(), jms.getJMSType(), jms.getJMSDeliveryMode(),
                jms.getJMSExpiration(), codec.fromJms(jms));
    }

    record Reply(String correlationId, String jmsType, int deliveryMode, long expiration, Message message) {
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
