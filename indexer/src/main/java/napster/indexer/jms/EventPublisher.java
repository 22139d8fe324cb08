package napster.indexer.jms;

import napster.indexer.service.IndexListener;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.Reannounce;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes index events on {@code napster.events} and reannounce requests on
 * {@code napster.control}, non-persistent, from one thread with one producer on its own
 * connection. Callers only enqueue (the queue is bounded: when it is full an event is
 * dropped with a warning), so a slow or interrupted broker never holds up the consumers.
 */
public final class EventPublisher implements IndexListener, AutoCloseable {
    static final int QUEUE_CAPACITY = 10_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final Connection connection;
    private final JmsCodec codec;
    private final Session session;
    private final MessageProducer producer;
    private final Topic events;
    private final Topic control;
    private final ExecutorService sender;

    private EventPublisher(Connection connection, JmsCodec codec) throws JMSException {
        this.connection = connection;
        this.codec = codec;
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(null);
        this.producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.events = session.createTopic(Destinations.EVENTS);
        this.control = session.createTopic(Destinations.CONTROL);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                task -> new Thread(task, "indexer-events"), (task, pool) -> {
                    throw new RejectedExecutionException("event queue full");
                });
    }

    public static EventPublisher start(BrokerConnector connector, Duration sendTimeout, TransportListener listener,
                                JmsCodec codec) throws BrokerUnavailableException, JMSException {
        Connection connection = connector.connectResilient("indexer-events", sendTimeout, listener);
        try {
            return new EventPublisher(connection, codec);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void peerChanged(PeerChanged event) {
        publish(events, event);
    }

    @Override
    public void filesChanged(FilesChanged event) {
        publish(events, event);
    }

    /** Asks every running peer to register again. */
    public void reannounce(String reason) {
        publish(control, new Reannounce(reason));
    }

    private void publish(Topic topic, Message message) {
        try {
            sender.execute(() -> send(topic, message));
        } catch (RejectedExecutionException e) {
            LOG.warn("Dropped a {} for {}: {}", codec.protocol().typeOf(message), topic, e.getMessage());
        }
    }

    private void send(Topic topic, Message message) {
        try {
            producer.send(topic, codec.toJms(session, message));
        } catch (JMSException | RuntimeException e) {
            // typically the broker is away for longer than the failover send timeout
            LOG.warn("Could not publish a {} on {}: {}", codec.protocol().typeOf(message), topic, e.getMessage());
        }
    }

    /** Sends what is queued (waiting a few seconds at most), then disconnects. */
    @Override
    public void close() throws JMSException {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
