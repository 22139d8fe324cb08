package napster.common.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over the broker: one temporary queue and consumer for the life of this
 * client, a fresh correlation id per request. Replies complete the matching future; an
 * error reply completes it with {@link RemoteErrorException}; no reply in time with
 * {@link TimeoutException}. Thread-safe.
 */
public final class RequestReplyClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReplyClient.class);

    private final JmsCodec codec;
    private final Session sendSession;
    private final Session receiveSession;
    private final MessageProducer producer;
    private final TemporaryQueue replyQueue;
    private final MessageConsumer consumer;
    private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private final String correlationPrefix = UUID.randomUUID() + "-";
    private final AtomicLong sequence = new AtomicLong();

    public RequestReplyClient(Connection connection, JmsCodec codec) throws JMSException {
        this.codec = codec;
        this.sendSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.receiveSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = sendSession.createProducer(null);
        this.replyQueue = receiveSession.createTemporaryQueue();
        this.consumer = receiveSession.createConsumer(replyQueue);
        this.consumer.setMessageListener(this::onReply);
    }

    /** Sends a request and returns the future reply; the request expires unread after {@code timeout}. */
    public CompletableFuture<Message> request(String queue, Message message, Delivery delivery, Duration timeout) {
        String correlationId = correlationPrefix + sequence.incrementAndGet();
        CompletableFuture<Message> reply = new CompletableFuture<>();
        pending.put(correlationId, reply);
        try {
            send(queue, message, delivery, timeout, correlationId);
        } catch (JMSException | RuntimeException e) {
            pending.remove(correlationId);
            reply.completeExceptionally(e);
            return reply;
        }
        return reply.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> pending.remove(correlationId));
    }

    /** Sends a message that expects no reply. */
    public void send(String queue, Message message, Delivery delivery, Duration timeToLive) throws JMSException {
        send(queue, message, delivery, timeToLive, null);
    }

    private void send(String queue, Message message, Delivery delivery, Duration timeToLive, String correlationId)
            throws JMSException {
        synchronized (sendSession) {
            TextMessage jms = codec.toJms(sendSession, message);
            if (correlationId != null) {
                jms.setJMSCorrelationID(correlationId);
                jms.setJMSReplyTo(replyQueue);
            }
            producer.send(sendSession.createQueue(queue), jms, delivery.jmsMode(), jakarta.jms.Message.DEFAULT_PRIORITY,
                    timeToLive.toMillis());
        }
    }

    private void onReply(jakarta.jms.Message jms) {
        try {
            CompletableFuture<Message> reply = pending.get(jms.getJMSCorrelationID());
            if (reply == null) {
                LOG.debug("Dropping a reply nobody waits for (late or unknown correlation id)");
                return;
            }
            Message message = codec.fromJms(jms);
            if (message instanceof ErrorReply error) {
                reply.completeExceptionally(new RemoteErrorException(error));
            } else {
                reply.complete(message);
            }
        } catch (JMSException | ProtocolException e) {
            LOG.warn("Ignoring an unreadable reply: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws JMSException {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("client closed")));
        consumer.close();
        producer.close();
        receiveSession.close();
        sendSession.close();
    }
}
