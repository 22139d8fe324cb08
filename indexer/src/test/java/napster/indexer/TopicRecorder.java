package napster.indexer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;

/** Subscribes to a topic as a peer would and keeps every message, decoded, with its JMS delivery mode. */
final class TopicRecorder implements AutoCloseable {
    record Received(Message message, String jmsType, int deliveryMode) {
    }

    private final Connection connection;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code topic} may carry destination options, e.g. {@code ?consumer.retroactive=true}. */
    TopicRecorder(String brokerUrl, String topic) throws BrokerUnavailableException, JMSException {
        JmsCodec codec = new JmsCodec(ProtocolCodec.standard());
        connection = new BrokerConnector(new ClientSettings(brokerUrl, "watcher", "watcher")).connect("recorder");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic(topic)).setMessageListener(jms -> {
            try {
                received.add(new Received(codec.fromJms(jms), jms.getJMSType(), jms.getJMSDeliveryMode()));
            } catch (JMSException | ProtocolException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    List<Message> messages() {
        return received.stream().map(Received::message).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
