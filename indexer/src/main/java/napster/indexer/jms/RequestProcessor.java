package napster.indexer.jms;

import napster.indexer.service.ErrorReplies;
import napster.indexer.service.IndexService;

import napster.indexer.index.EncodedSearchResult;

import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.Set;
import napster.common.jms.JmsCodec;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Search;
import napster.common.protocol.Browse;
import napster.common.query.BadQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the requests of one queue: decodes each JMS message, hands it to the
 * {@link IndexService} with the broker-stamped user, and answers on its temporary reply-to.
 * Before any work it drops a request whose requester stopped waiting (expired) and, where a
 * {@link SearchRateLimit} applies, one that nobody could be answered for, and answers a
 * connection past its rate with {@code rate-limited}. It never throws: a bad message gets a
 * bad-request reply, a bug an internal-error reply, so the consumer lives on. Thread-safe.
 */
public final class RequestProcessor {
    /** Stamped by the broker (populateJMSXUserID); a producer cannot forge it. */
    static final String USER_PROPERTY = "JMSXUserID";

    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);
    private static final ThrottledLog REFUSED = new ThrottledLog(LOG);
    private static final ThrottledLog BAD = new ThrottledLog(LOG);

    private final String queue;
    private final Set<Class<? extends Message>> accepted;
    private final IndexService service;
    private final JmsCodec codec;
    private final SearchRateLimit rateLimit;
    private final Clock clock;

    /** {@code rateLimit}: for the search queue; null where requests must be carried out whoever sent them. */
    public RequestProcessor(String queue, Set<Class<? extends Message>> accepted, IndexService service, JmsCodec codec,
                     SearchRateLimit rateLimit, Clock clock) {
        this.queue = queue;
        this.accepted = Set.copyOf(accepted);
        this.service = service;
        this.codec = codec;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    void process(jakarta.jms.Message jms, Replies replies) {
        Requester requester;
        try {
            requester = Requester.of(jms);
        } catch (JMSException e) {
            LOG.warn("Could not read the headers of a message on {}: {}", queue, e.getMessage());
            return;
        }
        long now = clock.millis();
        if (requester.expiredAt(now)) {
            LOG.debug("Dropped a request on {} that expired before its turn", queue);
            return;
        }
        ReplySender.Reply reply;
        if (rateLimit != null && !requester.answerable()) {
            LOG.debug("Dropped a request on {} without a temporary reply-to: nobody could be answered", queue);
            return;
        } else if (rateLimit != null && !rateLimit.allow(requester.connection())) {
            REFUSED.warn("Refused requests on {} from {}: more than {} a second", queue, requester.connection(),
                    rateLimit.perSecond());
            reply = ReplySender.Reply.of(ErrorReplies.of(ErrorReply.RATE_LIMITED, "This connection sent more than "
                    + rateLimit.perSecond() + " requests a second to " + queue + "; try again in a moment."));
        } else {
            reply = answer(jms);
        }
        if (requester.answerable()) {
            replies.send(requester, requester.replyTimeToLive(now), reply);
        }
    }

    private ReplySender.Reply answer(jakarta.jms.Message jms) {
        String user = null;
        try {
            user = jms.getStringProperty(USER_PROPERTY);
            Message request = codec.fromJms(jms);
            if (!accepted.contains(request.getClass())) {
                String type = codec.protocol().typeOf(request);
                BAD.warn("Refused a {} message from {} on queue {}", type, user, queue);
                return ReplySender.Reply.of(
                        ErrorReplies.badRequest("Queue " + queue + " does not take \"" + type + "\" messages."));
            }
            // searches, the bulk of the traffic, and browse pages are answered as text written from the index
            if (request instanceof Search search) {
                EncodedSearchResult text = service.search(search);
                LOG.debug("Search from {} on {} -> {} results{}", user, queue, text.results(),
                        text.partial() ? " (partial)" : "");
                return (session, codec) -> codec.searchResultToJms(session, text.query(), text.results(), text.json());
            }
            if (request instanceof Browse browse) {
                return service.browse(browse).<ReplySender.Reply>map(page -> (session, codec) ->
                        codec.browseResultToJms(session, page.peerId(), page.files(), page.json()))
                        .orElseGet(() -> ReplySender.Reply.of(new ErrorReply(ErrorReply.UNKNOWN_PEER,
                                "No peer " + browse.peerId() + " is registered.")));
            }
            Message reply = service.handle(request, user);
            LOG.debug("{} from {} on {} -> {}", request.getClass().getSimpleName(), user, queue,
                    reply.getClass().getSimpleName());
            return ReplySender.Reply.of(reply);
        } catch (BadQueryException e) {
            return ReplySender.Reply.of(ErrorReplies.badRequest(e.getMessage()));
        } catch (ProtocolException e) {
            BAD.warn("Refused a message from {} on queue {}: {}", user, queue, e.getMessage());
            return ReplySender.Reply.of(ErrorReplies.badRequest(e.getMessage()));
        } catch (JMSException e) {
            BAD.warn("Could not read a message from {} on queue {}: {}", user, queue, e.getMessage());
            return ReplySender.Reply.of(ErrorReplies.badRequest("The indexer could not read the message."));
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a message from {} on queue {}", user, queue, e);
            return ReplySender.Reply.of(
                    new ErrorReply(ErrorReply.INTERNAL, "The indexer failed to handle the request; see its log."));
        }
    }
}
