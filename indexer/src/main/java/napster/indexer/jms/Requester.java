package napster.indexer.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import org.apache.activemq.command.ActiveMQTempDestination;

/**
 * Who asked and until when an answer is of use: the reply-to temporary queue, the connection it
 * belongs to (which the broker vouches for), the correlation id, and the request's expiry.
 * A reply lives as long as the request would have: what is left of its time to live, at most
 * {@link #MAX_REPLY_TIME_TO_LIVE}; {@link #DEFAULT_REPLY_TIME_TO_LIVE} when it came without one.
 */
record Requester(Destination replyTo, String connection, String correlationId, long expiration) {
    static final Duration MAX_REPLY_TIME_TO_LIVE = Duration.ofSeconds(30);
    static final Duration DEFAULT_REPLY_TIME_TO_LIVE = Duration.ofSeconds(10);

    /** From a request; the reply-to is kept only when it is a temporary queue or topic, the only kind answered. */
    static Requester of(Message request) throws JMSException {
        Destination replyTo = request.getJMSReplyTo();
        String connection = replyTo instanceof ActiveMQTempDestination temporary ? temporary.getConnectionId() : null;
        return new Requester(connection == null ? null : replyTo, connection, request.getJMSCorrelationID(),
                request.getJMSExpiration());
    }

    /** Whether an answer could reach anyone: a temporary reply-to was given. */
    boolean answerable() {
        return replyTo != null;
    }

    /** Whether the requester stopped waiting by {@code nowMillis} (its request expired). */
    boolean expiredAt(long nowMillis) {
        return expiration != 0 && expiration <= nowMillis;
    }

    /** The reply's time to live in milliseconds, at least 1. */
    long replyTimeToLive(long nowMillis) {
        long left = expiration == 0 ? DEFAULT_REPLY_TIME_TO_LIVE.toMillis() : expiration - nowMillis;
        return Math.max(1, Math.min(left, MAX_REPLY_TIME_TO_LIVE.toMillis()));
    }
}
