package napster.indexer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue served on its own connection. BrokerConnector turns off alwaysSessionAsync
 * (faster request-reply), so listeners run on the connection's transport thread: sessions
 * sharing a connection would also share that thread, and a large registration batch would
 * hold up searches. A connection per queue keeps them apart.
 */
final class QueueConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    private final String queue;
    private final Connection connection;
    private volatile boolean closing;

    private QueueConsumer(String queue, Connection connection) {
        this.queue = queue;
        this.connection = connection;
    }

    /**
     * Connects and starts serving {@code queue}; {@code onLost} gets one sentence if the
     * connection later fails for good.
     */
    static QueueConsumer start(BrokerConnector connector, String queue, Set<Class<? extends Message>> accepted,
                               IndexService service, JmsCodec codec, Consumer<String> onLost)
            throws BrokerUnavailableException, JMSException {
        Connection connection = connector.connect("indexer-" + queue);
        QueueConsumer consumer = new QueueConsumer(queue, connection);
        try {
            consumer.watch(connector.settings().brokerUrl(), onLost);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            RequestListener listener = new RequestListener(queue, accepted, service, codec, session);
            MessageConsumer jmsConsumer = session.createConsumer(session.createQueue(queue));
            jmsConsumer.setMessageListener(listener);
        } catch (JMSException | RuntimeException e) {
            consumer.close();
            throw e;
        }
        return consumer;
    }

    private void watch(String brokerUrl, Consumer<String> onLost) throws JMSException {
        connection.setExceptionListener(e -> {
            // a transport failure arrives here too; the transport listener below reports it
            if (!closing && !(e.getCause() instanceof IOException)) {
                LOG.warn("The broker reported an error on the {} connection: {}", queue, e.getMessage());
            }
        });
        if (connection instanceof ActiveMQConnection activeMq) {
            activeMq.addTransportListener(new TransportListener() {
                @Override
                public void onCommand(Object command) {
                }

                @Override
                public void onException(IOException error) {
                    if (!closing) {
                        String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
                        String sentence = "Lost the connection to the broker at " + brokerUrl + " (" + reason + ").";
                        LOG.error(sentence);
                        onLost.accept(sentence);
                    }
                }

                @Override
                public void transportInterupted() {
                    LOG.warn("The {} connection to the broker is interrupted; the failover transport retries", queue);
                }

                @Override
                public void transportResumed() {
                    LOG.info("The {} connection to the broker resumed", queue);
                }
            });
        }
    }

    /** Closing the connection stops the consumer, waiting for a message in progress. */
    @Override
    public void close() throws JMSException {
        closing = true;
        connection.close();
    }
}
