package napster.indexer.jms;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies from one thread's own session (JMS sessions are single-threaded): non-persistent
 * and asynchronous, so the indexer never waits on a requester. A reply the broker will not take
 * (the requester's queue is full or gone) costs only that reply: the broker drops it and says so
 * on the connection, which is logged at most once a minute.
 */
final class ReplySender implements Replies {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private static final ThrottledLog FAILED = new ThrottledLog(LOG);

    /** A reply, put into a JMS message when it is sent. */
    interface Reply {
        TextMessage toJms(Session session, JmsCodec codec) throws JMSException;

        static Reply of(Message message) {
            return (session, codec) -> codec.toJms(session, message);
        }
    }

    private final Session session;
    private final MessageProducer producer;
    private final JmsCodec codec;

    ReplySender(Session session, JmsCodec codec) throws JMSException {
        this.session = session;
        this.producer = session.createProducer(null);
        this.codec = codec;
    }

    @Override
    public void send(Requester requester, long timeToLiveMillis, Reply reply) {
        try {
            TextMessage out = reply.toJms(session, codec);
            out.setJMSCorrelationID(requester.correlationId());
            producer.send(requester.replyTo(), out, DeliveryMode.NON_PERSISTENT, jakarta.jms.Message.DEFAULT_PRIORITY,
                    timeToLiveMillis);
        } catch (JMSException | RuntimeException e) {
            // typically the requester left and the broker deleted its temporary queue
            FAILED.warn("Could not reply to {}: {}", requester.connection(), e.getMessage());
        }
    }
}
