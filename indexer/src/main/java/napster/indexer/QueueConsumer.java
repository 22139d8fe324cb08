package napster.indexer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue served on its own failover connection. BrokerConnector turns off
 * alwaysSessionAsync (faster request-reply), so listeners run on the connection's transport
 * thread: sessions sharing a connection would also share that thread, and a large
 * registration batch would hold up searches. A connection per queue keeps them apart.
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
     * Connects and starts serving {@code queue} (which may carry ActiveMQ destination options,
     * e.g. {@code ?consumer.prefetchSize=4}); {@code listener} hears when the connection
     * is interrupted, resumes or fails for good. While the broker is away a reply fails
     * after {@code sendTimeout} instead of blocking the consumer.
     */
    static QueueConsumer start(BrokerConnector connector, Duration sendTimeout, TransportListener listener,
                               String queue, Set<Class<? extends Message>> accepted, IndexService service,
                               JmsCodec codec) throws BrokerUnavailableException, JMSException {
        String plain = queue.indexOf('?') < 0 ? queue : queue.substring(0, queue.indexOf('?')); // without options
        Connection connection = connector.connectResilient("indexer-" + plain, sendTimeout, listener);
        QueueConsumer consumer = new QueueConsumer(plain, connection);
        try {
            connection.setExceptionListener(e -> {
                // a transport failure arrives here too; the transport listener reports it
                if (!consumer.closing && !(e.getCause() instanceof IOException)) {
                    LOG.warn("The broker reported an error on the {} connection: {}", queue, e.getMessage());
                }
            });
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            RequestListener requests = new RequestListener(plain, accepted, service, codec, session);
            MessageConsumer jmsConsumer = session.createConsumer(session.createQueue(queue));
            jmsConsumer.setMessageListener(requests);
        } catch (JMSException | RuntimeException e) {
            consumer.close();
            throw e;
        }
        return consumer;
    }

    /** Closing the connection stops the consumer, waiting for a message in progress. */
    @Override
    public void close() throws JMSException {
        closing = true;
        connection.close();
    }
}
