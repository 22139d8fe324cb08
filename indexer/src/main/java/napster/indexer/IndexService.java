package napster.indexer;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.FileHit;
import napster.common.protocol.Message;
import napster.common.protocol.MessageTypes;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the indexer does with each request, without any transport: registers peers (binding
 * each peer key to the broker user that registered it), applies share changes and answers
 * searches. Every request gets a reply message; failures are {@link ErrorReply}s. Thread-safe.
 */
public final class IndexService {
    /** Bounds the memory one peer can claim. */
    public static final int MAX_FILES_PER_PEER = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final MessageTypes TYPES = MessageTypes.standard();

    private final FileIndex index;
    private final Clock clock;
    // guards nextPeerId and the check-then-act between a key lookup and the change it allows
    private final Object changes = new Object();
    private int nextPeerId = 1;

    public IndexService(FileIndex index, Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FileIndex index() {
        return index;
    }

    /**
     * Carries out one request on behalf of {@code user} (the authenticated broker user, null
     * if the broker stamps none) and returns the reply.
     */
    public Message handle(Message request, String user) {
        if (request instanceof Search search) {
            return search(search);
        }
        if (request instanceof Register register) {
            return register(register, user);
        }
        if (request instanceof Update update) {
            return update(update, user);
        }
        if (request instanceof Unregister unregister) {
            return unregister(unregister, user);
        }
        return ErrorReplies.badRequest("The indexer does not accept \"" + TYPES.typeOf(request.getClass())
                + "\" messages; send register, update, unregister or search.");
    }

    private SearchResult search(Search search) {
        if (search.sha256() != null) {
            List<FileHit> hits = index.searchBySha256(search.sha256()).map(List::of).orElse(List.of());
            return new SearchResult(search.sha256(), hits);
        }
        return new SearchResult(search.query(), index.search(search.query(), search.effectiveLimit()));
    }

    private Message register(Register register, String user) {
        synchronized (changes) {
            Optional<Peer> known = index.peerByKey(register.peerKey());
            if (known.isPresent() && !Objects.equals(known.get().user(), user)) {
                return forbidden();
            }
            int peerId = known.map(Peer::peerId).orElseGet(() -> nextPeerId++);
            Peer peer = new Peer(peerId, register.peerKey(), user, register.host(), register.port());
            int files = index.register(peer, register.files(), clock.instant());
            LOG.info("Peer {} ({}) registered from {}:{} with {} files", peerId, user, peer.host(), peer.port(), files);
            return new Ack(peerId, files);
        }
    }

    private Message update(Update update, String user) {
        synchronized (changes) {
            Optional<Peer> known = index.peerByKey(update.peerKey());
            if (known.isEmpty()) {
                return unknownPeer();
            }
            Peer peer = known.get();
            if (!Objects.equals(peer.user(), user)) {
                return forbidden();
            }
            // an upper bound: the removed files may not all be shared
            if ((long) index.fileCount(peer.peerId()) + update.added().size() > MAX_FILES_PER_PEER) {
                return tooManyFiles();
            }
            int files = index.update(peer.peerId(), update.added(), update.removed(), clock.instant());
            LOG.debug("Peer {} updated: +{} -{} files, now {}", peer.peerId(), update.added().size(),
                    update.removed().size(), files);
            return new Ack(peer.peerId(), files);
        }
    }

    private Message unregister(Unregister unregister, String user) {
        synchronized (changes) {
            Optional<Peer> known = index.peerByKey(unregister.peerKey());
            if (known.isEmpty()) {
                return unknownPeer();
            }
            Peer peer = known.get();
            if (!Objects.equals(peer.user(), user)) {
                return forbidden();
            }
            index.removePeer(peer.peerId());
            LOG.info("Peer {} ({}) unregistered", peer.peerId(), user);
            return new Ack(peer.peerId(), 0);
        }
    }

    private static ErrorReply forbidden() {
        return new ErrorReply(ErrorReply.FORBIDDEN, "This peer key belongs to another user.");
    }

    private static ErrorReply unknownPeer() {
        return new ErrorReply(ErrorReply.UNKNOWN_PEER,
                "This peer is not registered (the indexer may have restarted); register again.");
    }

    private static ErrorReply tooManyFiles() {
        return ErrorReplies.badRequest("A peer may share at most " + MAX_FILES_PER_PEER + " files.");
    }
}
