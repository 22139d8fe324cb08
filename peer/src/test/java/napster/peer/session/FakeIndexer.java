package napster.peer.session;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * Stands in for the indexer on napster.register: records every message and answers it (Ack;
 * heartbeats with ErrorReply unknown-peer while {@link #forgetPeers} is set). Publishes on topics.
 */
final class FakeIndexer implements AutoCloseable {
    final List<Message> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean forgetPeers = new AtomicBoolean();
    private final JmsCodec codec = new JmsCodec(ProtocolCodec.standard());
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    FakeIndexer(String brokerUrl) throws JMSException {
        connection = new ActiveMQConnectionFactory("indexer", "indexer", brokerUrl).createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        session.createConsumer(session.createQueue(Destinations.REGISTER)).setMessageListener(this::answer);
        connection.start();
    }

    private void answer(jakarta.jms.Message jms) {
        try {
            Message message = codec.fromJms(jms);
            received.add(message);
            Message reply;
            if (message instanceof Heartbeat && forgetPeers.get()) {
                reply = new ErrorReply(ErrorReply.UNKNOWN_PEER, "No peer is registered with this key.");
            } else if (message instanceof Register register) {
                reply = new Ack(7, register.files().size());
            } else {
                reply = new Ack(7, 0);
            }
            if (jms.getJMSReplyTo() != null) {
                TextMessage answer = codec.toJms(session, reply);
                answer.setJMSCorrelationID(jms.getJMSCorrelationID());
                producer.send(jms.getJMSReplyTo(), answer);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(String topic, Message message) throws JMSException {
        synchronized (session) {
            producer.send(session.createTopic(topic), codec.toJms(session, message));
        }
    }

    <T extends Message> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
