package napster.indexer.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.JmsCodec;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue served by one consumer on its own failover connection. BrokerConnector turns off
 * alwaysSessionAsync (faster request-reply), so the listener runs on the connection's transport
 * thread: a large registration batch would hold up searches if they shared a connection. The
 * registration queue is served on that thread, in order; the search queue hands its requests to
 * {@link SearchWorkers}, one per core.
 */
public final class QueueConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);
    private static final ThrottledLog BROKER_ERRORS = new ThrottledLog(LOG);
    /**
     * Registrations the consumer takes ahead of the one in hand. ActiveMQ's default (1,000) would
     * let a client that sends frames near the broker's 8 MiB limit fill the indexer's heap; 8 of
     * them are 64 MiB at most, and batches of a real share still stream without a pause.
     */
    static final int IN_ORDER_PREFETCH = 8;

    private final Connection connection;
    private SearchWorkers workers;
    private volatile boolean closing;

    private QueueConsumer(Connection connection) {
        this.connection = connection;
    }

    /**
     * Serves {@code queue} in order on the connection's thread (registrations); each reply goes
     * out through {@code afterChangesVisible}, once searches can see what the request changed.
     */
    public static QueueConsumer inOrder(BrokerConnector connector, Duration sendTimeout, TransportListener listener,
                                 String queue, RequestProcessor processor, JmsCodec codec,
                                 Consumer<Runnable> afterChangesVisible)
            throws BrokerUnavailableException, JMSException {
        return start(connector, sendTimeout, listener, queue, 0, processor, codec, afterChangesVisible);
    }

    /**
     * Serves {@code queue} with {@code workers} threads (searches); the consumer's prefetch is the
     * number of workers, so a busy indexer leaves requests in the broker for another one.
     */
    public static QueueConsumer inParallel(BrokerConnector connector, Duration sendTimeout, TransportListener listener,
                                    String queue, int workers, RequestProcessor processor, JmsCodec codec)
            throws BrokerUnavailableException, JMSException {
        return start(connector, sendTimeout, listener, queue, workers, processor, codec, null);
    }

    private static QueueConsumer start(BrokerConnector connector, Duration sendTimeout, TransportListener listener,
                                       String queue, int workers, RequestProcessor processor, JmsCodec codec,
                                       Consumer<Runnable> afterChangesVisible)
            throws BrokerUnavailableException, JMSException {
        Connection connection = connector.connectResilient("indexer-" + queue, sendTimeout, listener);
        QueueConsumer consumer = new QueueConsumer(connection);
        try {
            connection.setExceptionListener(e -> {
                // a transport failure arrives here too (the transport listener reports it); so does every
                // reply the broker refused to queue (a requester's full queue): said at most once a minute
                if (!consumer.closing && !(e.getCause() instanceof IOException)) {
                    BROKER_ERRORS.warn("The broker reported an error on the {} connection: {}", queue, e.getMessage());
                }
            });
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            if (workers == 0) {
                Replies replies = new VisibleReplies(
                        new ReplySender(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), codec),
                        afterChangesVisible);
                MessageConsumer jms = session.createConsumer(
                        session.createQueue(queue + "?consumer.prefetchSize=" + IN_ORDER_PREFETCH));
                jms.setMessageListener(request -> processor.process(request, replies));
            } else {
                consumer.workers = SearchWorkers.start(connection, codec, processor, workers);
                MessageConsumer jms = session.createConsumer(
                        session.createQueue(queue + "?consumer.prefetchSize=" + workers));
                jms.setMessageListener(consumer.workers::submit);
            }
        } catch (JMSException | RuntimeException e) {
            consumer.close();
            throw e;
        }
        return consumer;
    }

    /** Closing the connection stops the consumer (waiting for a message in hand); then the workers stop. */
    @Override
    public void close() throws JMSException {
        closing = true;
        try {
            connection.close();
        } finally {
            if (workers != null) {
                workers.close();
            }
        }
    }
}
