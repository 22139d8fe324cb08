package napster.indexer.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import napster.common.protocol.Ack;
import napster.common.protocol.Browse;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Fields;
import napster.common.protocol.FileKind;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Message;
import napster.common.protocol.MessageTypes;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.PeerList;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import napster.indexer.index.EncodedBrowseResult;
import napster.indexer.index.EncodedSearchResult;
import napster.indexer.index.FileIndex;
import napster.indexer.index.Peer;
import napster.indexer.index.ShareChange;
import napster.common.query.Filters;
import napster.common.query.QueryParser;
import napster.common.query.SearchQuery;
import napster.common.query.SearchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the indexer does with each request, without any transport: registers peers (binding
 * each peer key to the broker user that registered it), applies share changes and reported
 * free upload slots, keeps each peer's lease (see {@link Leases}; {@link #expire()} drops
 * the lapsed ones) and answers searches, browses and peer listings. Every request gets a
 * reply; failures are {@link ErrorReply}s. Changes are reported to an {@link IndexListener}.
 * Thread-safe.
 */
public final class IndexService {
    /** Bounds the memory one peer can claim. */
    public static final int MAX_FILES_PER_PEER = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final MessageTypes TYPES = MessageTypes.standard();
    private static final com.fasterxml.jackson.databind.ObjectMapper STATE_MAPPER =
            napster.common.protocol.ProtocolCodec.newMapper();

    private final FileIndex index;
    private final Peers peers = new Peers();
    private final Clock clock;
    private final Leases leases;
    private final IndexListener listener;
    private final IndexBudget budget;
    // guards nextPeerId, the check-then-act between a key lookup and the change it allows, and event order
    private final Object changes = new Object();
    private volatile int nextPeerId = 1; // written under changes

    public IndexService(FileIndex index, Clock clock) {
        this(index, clock, Leases.DEFAULT_MISSED_BEATS, IndexListener.NONE);
    }

    /** {@code missedBeats}: how many heartbeats in a row a peer may miss before {@link #expire()} drops it. */
    public IndexService(FileIndex index, Clock clock, int missedBeats, IndexListener listener) {
        this(index, clock, missedBeats, listener, IndexBudget.standalone());
    }

    /** {@code budget}: how much the index may hold; registrations past it are refused with index-full. */
    public IndexService(FileIndex index, Clock clock, int missedBeats, IndexListener listener, IndexBudget budget) {
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leases = new Leases(missedBeats);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.budget = Objects.requireNonNull(budget, "budget");
        restore(index.savedState());
        index.retainPeers(peerId -> peers.get(peerId) != null);
        index.keepState(this::savedState);
    }

    /** What the index commits with its files: the registered peers and the next peer id. */
    private record SavedState(int nextPeerId, List<Peer> peers) {
    }

    // asked by the index while it commits, holding its own lock: takes no lock of the service's
    private String savedState() {
        try {
            return STATE_MAPPER.writeValueAsString(new SavedState(nextPeerId, peers.first(Integer.MAX_VALUE)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the peers to save", e);
        }
    }

    /*
     * Takes back the peers an index kept in a folder saved with its files: each is known again,
     * under its id, with a fresh lease (its heartbeats keep it; without them it expires as any
     * peer does), so a restarted indexer does not start empty.
     */
    private void restore(String saved) {
        if (saved.isEmpty()) {
            return;
        }
        try {
            SavedState state = STATE_MAPPER.readValue(saved, SavedState.class);
            Instant now = clock.instant();
            for (Peer peer : state.peers()) {
                peers.put(peer);
                leases.seen(peer.peerId(), now);
            }
            nextPeerId = Math.max(state.nextPeerId(), nextPeerId);
            LOG.info("Took back {} peers and {} files from the saved index; each stays while its heartbeats come",
                    state.peers().size(), index.files());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("The peers saved with the index could not be read ({}); their files are dropped", e.getMessage());
        }
    }

    public FileIndex index() {
        return index;
    }

    /**
     * Carries out one request on behalf of {@code user} (the authenticated broker user, null
     * if the broker stamps none) and returns the reply.
     */
    public Message handle(Message request, String user) {
        if (request instanceof ListPeers list) {
            return listPeers(list);
        }
        if (request instanceof Register register) {
            return register(register, user);
        }
        if (request instanceof Update update) {
            return update(update, user);
        }
        if (request instanceof Heartbeat heartbeat) {
            return heartbeat(heartbeat, user);
        }
        if (request instanceof Unregister unregister) {
            return unregister(unregister, user);
        }
        return ErrorReplies.badRequest("The indexer does not accept \"" + TYPES.typeOf(request.getClass())
                + "\" messages; send register, update, heartbeat, unregister or peers (search and browse have answers of their own).");
    }

    /**
     * Drops every peer whose lease ran out (more than missedBeats × its interval since it was
     * last heard from), reporting each as {@code peerChanged left, expired}.
     *
     * @return the events for the dropped peers, by ascending peer id
     */
    public List<PeerChanged> expire() {
        synchronized (changes) {
            Instant now = clock.instant();
            List<PeerChanged> left = new ArrayList<>();
            for (int peerId : leases.expired(now)) {
                Peer peer = peers.get(peerId);
                leases.forget(peerId);
                if (peer != null) {
                    left.add(remove(peer, PeerChanged.EXPIRED));
                    LOG.info("Peer {} ({}) expired: no heartbeat in time", peerId, peer.user());
                }
            }
            return left;
        }
    }

    /**
     * Answers a search as the text of its reply: by words and phrases, by content, or both,
     * within its filters.
     *
     * @throws napster.common.query.BadQueryException with one sentence for the person who typed it
     */
    public EncodedSearchResult search(Search search) {
        SearchQuery query = search.query() == null
                ? new SearchQuery(List.of(), Optional.of(search.sha256()), search.sha256())
                : withSha(QueryParser.parse(search.query()), search.sha256());
        SearchRequest request = new SearchRequest(query, filters(search), search.effectiveLimit());
        return index.search(request, search.query() != null ? search.query() : search.sha256(), peers::get);
    }

    private static SearchQuery withSha(SearchQuery parsed, String sha256) {
        if (sha256 == null) {
            return parsed;
        }
        if (parsed.sha256().isPresent() && !parsed.sha256().get().equals(sha256)) {
            throw new napster.common.query.BadQueryException(
                    "The query names one SHA-256 and the sha256 field another; send one.");
        }
        return new SearchQuery(parsed.terms(), Optional.of(sha256), parsed.typed());
    }

    /** The extensions a file may have: those listed, those of the kind, or those in both when both are given. */
    private static Filters filters(Search search) {
        Set<String> extensions = search.extensions() == null ? null : Set.copyOf(search.extensions());
        if (search.kind() != null) {
            Set<String> ofKind = FileKind.of(search.kind()).extensions();
            extensions = extensions == null ? ofKind
                    : extensions.stream().filter(ofKind::contains).collect(java.util.stream.Collectors.toSet());
        }
        return new Filters(extensions, search.minSize(), search.maxSize());
    }

    /** One page of a peer's files; empty when no such peer is registered. */
    public Optional<EncodedBrowseResult> browse(Browse browse) {
        if (peers.get(browse.peerId()) == null) {
            return Optional.empty();
        }
        return Optional.of(index.browse(browse.peerId(), browse.afterName(), browse.afterSha256(),
                browse.effectiveLimit()));
    }

    /** The registered peer with this key, if any. */
    public Optional<Peer> peerByKey(String peerKey) {
        return peers.byKey(peerKey);
    }

    /** Registered peers, indexed files and distinct contents. */
    public IndexStats stats() {
        return new IndexStats(peers.size(), index.files(), index.contents());
    }

    private PeerList listPeers(ListPeers list) {
        List<PeerInfo> listed = new ArrayList<>();
        for (Peer peer : peers.first(list.effectiveLimit())) {
            // a peer without a lease is being removed right now: leave it out
            leases.lastSeen(peer.peerId()).ifPresent(lastSeen -> listed.add(
                    new PeerInfo(peer.peerId(), peer.host(), peer.port(), index.fileCount(peer.peerId()),
                            index.bytes(peer.peerId()), lastSeen, peer.slots(), peer.freeSlots(),
                            peer.maxUploadRate())));
        }
        return new PeerList(listed);
    }

    private Message register(Register register, String user) {
        synchronized (changes) {
            Optional<Peer> known = peers.byKey(register.peerKey());
            if (known.isPresent() && !Objects.equals(known.get().user(), user)) {
                return forbidden();
            }
            // the registration replaces what the peer shared before
            int before = known.map(peer -> index.fileCount(peer.peerId())).orElse(0);
            if (!budget.allows(index.files() - before, index.heapBytes(), register.files().size())) {
                return indexFull();
            }
            int peerId = known.map(Peer::peerId).orElseGet(() -> nextPeerId++);
            Peer peer = new Peer(peerId, register.peerKey(), user, register.host(), register.port(), register.slots(),
                    register.freeSlots(), register.maxUploadRate());
            Instant now = clock.instant();
            peers.put(peer);
            ShareChange change = index.replace(peerId, register.files(), now);
            leases.seen(peerId, now);
            if (known.isEmpty()) {
                listener.peerChanged(new PeerChanged(PeerChanged.JOINED, peerId, peer.host(), peer.port(),
                        change.files(), null));
            }
            reportFiles(peer, change);
            LOG.info("Peer {} ({}) registered from {}:{} with {} files", peerId, user, peer.host(), peer.port(),
                    change.files());
            return new Ack(peerId, change.files());
        }
    }

    private Message update(Update update, String user) {
        synchronized (changes) {
            Optional<Peer> known = peers.byKey(update.peerKey());
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
            // removals may not all be shared: counted as if none were
            if (!budget.allows(index.files(), index.heapBytes(), update.added().size())) {
                return indexFull();
            }
            Instant now = clock.instant();
            ShareChange change = index.update(peer.peerId(), update.added(), update.removed(), now);
            leases.seen(peer.peerId(), now);
            reportFiles(peer, change);
            LOG.debug("Peer {} updated: +{} -{} files, now {}", peer.peerId(), change.added().size(),
                    change.removed().size(), change.files());
            return new Ack(peer.peerId(), change.files());
        }
    }

    private Message heartbeat(Heartbeat heartbeat, String user) {
        synchronized (changes) {
            Optional<Peer> known = peers.byKey(heartbeat.peerKey());
            if (known.isEmpty()) {
                return unknownPeer();
            }
            Peer peer = known.get();
            if (!Objects.equals(peer.user(), user)) {
                return forbidden();
            }
            Integer freeSlots = heartbeat.freeSlots();
            if (freeSlots != null) {
                if (peer.slots() != null && freeSlots > peer.slots()) {
                    return ErrorReplies.badRequest("freeSlots " + freeSlots + " is more than the " + peer.slots()
                            + " slots this peer registered.");
                }
                peers.put(peer.withFreeSlots(freeSlots));
            }
            leases.beat(peer.peerId(), heartbeat.effectiveIntervalSeconds(), clock.instant());
            return new Ack(peer.peerId(), index.fileCount(peer.peerId()));
        }
    }

    private Message unregister(Unregister unregister, String user) {
        synchronized (changes) {
            Optional<Peer> known = peers.byKey(unregister.peerKey());
            if (known.isEmpty()) {
                return unknownPeer();
            }
            Peer peer = known.get();
            if (!Objects.equals(peer.user(), user)) {
                return forbidden();
            }
            leases.forget(peer.peerId());
            remove(peer, PeerChanged.UNREGISTERED);
            LOG.info("Peer {} ({}) unregistered", peer.peerId(), user);
            return new Ack(peer.peerId(), 0);
        }
    }

    /** Forgets a peer and reports it left; its files go with it, without a filesChanged (see IndexListener). */
    private PeerChanged remove(Peer peer, String reason) {
        peers.remove(peer);
        int files = index.removePeer(peer.peerId());
        PeerChanged left = new PeerChanged(PeerChanged.LEFT, peer.peerId(), peer.host(), peer.port(), files, reason);
        listener.peerChanged(left);
        return left;
    }

    /** One filesChanged per at most MAX_FILES_PER_MESSAGE added and removed files; none for no change. */
    private void reportFiles(Peer peer, ShareChange change) {
        List<SharedFile> added = change.added();
        List<SharedFile> removed = change.removed();
        int max = Fields.MAX_FILES_PER_MESSAGE;
        for (int from = 0; from < added.size() || from < removed.size(); from += max) {
            listener.filesChanged(new FilesChanged(peer.peerId(), peer.host(), peer.port(), slice(added, from, max),
                    slice(removed, from, max)));
        }
    }

    private static <T> List<T> slice(List<T> list, int from, int max) {
        return from >= list.size() ? List.of() : list.subList(from, Math.min(list.size(), from + max));
    }

    private static ErrorReply forbidden() {
        return new ErrorReply(ErrorReply.FORBIDDEN, "This peer key belongs to another user.");
    }

    private static ErrorReply unknownPeer() {
        return new ErrorReply(ErrorReply.UNKNOWN_PEER,
                "This peer is not registered (the indexer may have restarted); register again.");
    }

    private ErrorReply indexFull() {
        return new ErrorReply(ErrorReply.INDEX_FULL, budget.refusal());
    }

    private static ErrorReply tooManyFiles() {
        return ErrorReplies.badRequest("A peer may share at most " + MAX_FILES_PER_PEER + " files.");
    }
}
