package napster.indexer;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Set;
import napster.common.jms.JmsCodec;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one queue: decodes each JMS message, hands it to the {@link IndexService} with the
 * broker-stamped user, and answers on JMSReplyTo when there is one. It never throws: a bad
 * message gets a bad-request reply, a bug an internal-error reply, so the consumer lives on.
 */
final class RequestListener implements MessageListener {
    /** Stamped by the broker (populateJMSXUserID); a producer cannot forge it. */
    static final String USER_PROPERTY = "JMSXUserID";
    static final long REPLY_TIME_TO_LIVE_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(RequestListener.class);

    private final String queue;
    private final Set<Class<? extends Message>> accepted;
    private final IndexService service;
    private final JmsCodec codec;
    private final Session session;
    private final MessageProducer replies;

    /** {@code session} must be used by this listener only: JMS sessions are single-threaded. */
    RequestListener(String queue, Set<Class<? extends Message>> accepted, IndexService service, JmsCodec codec,
                    Session session) throws JMSException {
        this.queue = queue;
        this.accepted = Set.copyOf(accepted);
        this.service = service;
        this.codec = codec;
        this.session = session;
        this.replies = session.createProducer(null);
    }

    /** A reply, put into a JMS message when it is sent. */
    private interface Reply {
        TextMessage toJms() throws JMSException;
    }

    @Override
    public void onMessage(jakarta.jms.Message jms) {
        Reply reply = answer(jms);
        try {
            Destination replyTo = jms.getJMSReplyTo();
            if (replyTo != null) {
                send(replyTo, jms.getJMSCorrelationID(), reply);
            }
        } catch (JMSException | RuntimeException e) {
            // typically the requester left and the broker deleted its temporary queue
            LOG.warn("Could not reply to a request on {}: {}", queue, e.getMessage());
        }
    }

    private Reply answer(jakarta.jms.Message jms) {
        String user = null;
        try {
            user = jms.getStringProperty(USER_PROPERTY);
            Message request = codec.fromJms(jms);
            if (!accepted.contains(request.getClass())) {
                String type = codec.protocol().typeOf(request);
                LOG.warn("Refused a {} message from {} on queue {}", type, user, queue);
                return message(ErrorReplies.badRequest("Queue " + queue + " does not take \"" + type + "\" messages."));
            }
            // searches by name, the bulk of the traffic, are answered as text written from the index
            EncodedSearchResult text = request instanceof Search search ? service.searchText(search) : null;
            if (text != null) {
                LOG.debug("Search from {} on {} -> {} results", user, queue, text.results());
                return () -> codec.searchResultToJms(session, text.query(), text.results(), text.json());
            }
            Message reply = service.handle(request, user);
            LOG.debug("{} from {} on {} -> {}", request.getClass().getSimpleName(), user, queue,
                    reply.getClass().getSimpleName());
            return message(reply);
        } catch (ProtocolException e) {
            LOG.warn("Refused a message from {} on queue {}: {}", user, queue, e.getMessage());
            return message(ErrorReplies.badRequest(e.getMessage()));
        } catch (JMSException e) {
            LOG.warn("Could not read a message from {} on queue {}: {}", user, queue, e.getMessage());
            return message(ErrorReplies.badRequest("The indexer could not read the message."));
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a message from {} on queue {}", user, queue, e);
            return message(new ErrorReply(ErrorReply.INTERNAL, "The indexer failed to handle the request; see its log."));
        }
    }

    private Reply message(Message reply) {
        return () -> codec.toJms(session, reply);
    }

    private void send(Destination replyTo, String correlationId, Reply reply) throws JMSException {
        TextMessage out = reply.toJms();
        out.setJMSCorrelationID(correlationId);
        // the requester waits for seconds, not minutes: a reply nobody reads must not pile up
        replies.send(replyTo, out, DeliveryMode.NON_PERSISTENT, jakarta.jms.Message.DEFAULT_PRIORITY,
                REPLY_TIME_TO_LIVE_MILLIS);
    }
}
