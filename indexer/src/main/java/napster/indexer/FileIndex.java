package napster.indexer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import napster.common.protocol.Fields;
import napster.common.protocol.FileHit;
import napster.common.protocol.SharedFile;

/**
 * The in-memory index of who shares what. Thread-safe: searches share a read lock, changes
 * take the write lock and cost what their batch holds (a re-register also drops the files
 * the peer no longer shares); only {@link #updateFreeSlots} makes do with the read lock.
 * Peer ids are chosen by the caller.
 */
public final class FileIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Integer, Share> sharesById = new HashMap<>();
    private final Map<String, Share> sharesByKey = new HashMap<>();
    private final Catalog catalog = new Catalog();
    private final HitFactory hits = new HitFactory(peerId -> sharesById.get(peerId).peer);
    private final int maxCandidates;

    /** With the default search budget ({@link SearchBudget#DEFAULT_MAX_CANDIDATES}). */
    public FileIndex() {
        this(SearchBudget.DEFAULT_MAX_CANDIDATES);
    }

    /** {@code maxCandidates}: the most words and names one search may read before it answers partial results. */
    public FileIndex(int maxCandidates) {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1");
        }
        this.maxCandidates = maxCandidates;
    }

    /**
     * Adds a peer, or replaces a known one's address, upload capacity and whole share. Files
     * it shared before and still shares keep their first {@code sharedAt}.
     *
     * @return the files now indexed for the peer; added: the batch (without duplicates),
     *         removed: the files it shared before and no longer does
     * @throws IllegalArgumentException if the id or the key is already bound to another peer
     */
    public ShareChange register(Peer peer, Collection<SharedFile> files, Instant sharedAt) {
        return write(() -> {
            Share byId = sharesById.get(peer.peerId());
            Share byKey = sharesByKey.get(peer.peerKey());
            if (byId != byKey) {
                throw new IllegalArgumentException("peer id " + peer.peerId() + " and its key belong to different peers");
            }
            Share share = byId != null ? byId : new Share(peer);
            share.peer = peer;
            PostingSet previous = share.files;
            share.files = new PostingSet();
            List<SharedFile> batch = new ArrayList<>(files.size());
            for (SharedFile file : files) {
                PostingSet.Key key = catalog.keyOf(file);
                if (share.files.find(key) != null) {
                    continue;
                }
                batch.add(file);
                Posting kept = previous.remove(key);
                share.files.add(kept != null ? kept : link(share, file, key, sharedAt), key);
            }
            List<SharedFile> dropped = new ArrayList<>(previous.size());
            previous.forEach(posting -> {
                unlink(share, posting);
                dropped.add(posting.toSharedFile());
            });
            sharesById.put(peer.peerId(), share);
            sharesByKey.put(peer.peerKey(), share);
            return new ShareChange(share.files.size(), batch, dropped);
        });
    }

    /**
     * Applies a delta to a known peer's share in one step: first drops {@code removed}, then
     * adds {@code added}, so searches never see half of it.
     *
     * @return the files now indexed for the peer and the changes actually made (files it
     *         did not share are not "removed", files it already shared are not "added")
     * @throws IllegalArgumentException if the peer is unknown
     */
    public ShareChange update(int peerId, Collection<SharedFile> added, Collection<SharedFile> removed,
                              Instant sharedAt) {
        return write(() -> {
            Share share = shareOf(peerId);
            List<SharedFile> gone = new ArrayList<>();
            for (SharedFile file : removed) {
                Posting posting = share.files.remove(catalog.keyOf(file));
                if (posting != null) {
                    unlink(share, posting);
                    gone.add(file);
                }
            }
            List<SharedFile> fresh = new ArrayList<>();
            for (SharedFile file : added) {
                if (addTo(share, file, sharedAt)) {
                    fresh.add(file);
                }
            }
            return new ShareChange(share.files.size(), fresh, gone);
        });
    }

    /**
     * Adds files to a known peer's share; files it already shares are left as they are.
     *
     * @return the number of files now indexed for the peer
     * @throws IllegalArgumentException if the peer is unknown
     */
    public int add(int peerId, Collection<SharedFile> files, Instant sharedAt) {
        return write(() -> {
            Share share = shareOf(peerId);
            for (SharedFile file : files) {
                addTo(share, file, sharedAt);
            }
            return share.files.size();
        });
    }

    /**
     * Removes files (matched by name and SHA-256) from a known peer's share; unknown ones are ignored.
     *
     * @return the number of files now indexed for the peer
     * @throws IllegalArgumentException if the peer is unknown
     */
    public int remove(int peerId, Collection<SharedFile> files) {
        return write(() -> {
            Share share = shareOf(peerId);
            for (SharedFile file : files) {
                Posting removed = share.files.remove(catalog.keyOf(file));
                if (removed != null) {
                    unlink(share, removed);
                }
            }
            return share.files.size();
        });
    }

    /** Forgets a peer and all its files; false if it was not registered. */
    public boolean removePeer(int peerId) {
        return write(() -> {
            Share share = sharesById.remove(peerId);
            if (share == null) {
                return false;
            }
            sharesByKey.remove(share.peer.peerKey());
            share.files.forEach(posting -> unlink(share, posting));
            return true;
        });
    }

    /**
     * Records how many upload slots a known peer has free. Takes only the read lock, so the
     * frequent heartbeats never queue behind a long search: the immutable Peer is swapped whole.
     *
     * @return false if the peer is unknown
     * @throws IllegalArgumentException if that is more than the slots the peer registered
     */
    public boolean updateFreeSlots(int peerId, int freeSlots) {
        return read(() -> {
            Share share = sharesById.get(peerId);
            if (share == null) {
                return false;
            }
            share.peer = share.peer.withFreeSlots(freeSlots);
            return true;
        });
    }

    public Optional<Peer> peer(int peerId) {
        return read(() -> Optional.ofNullable(sharesById.get(peerId)).map(share -> share.peer));
    }

    public Optional<Peer> peerByKey(String peerKey) {
        return read(() -> Optional.ofNullable(sharesByKey.get(peerKey)).map(share -> share.peer));
    }

    /** Every registered peer with the size of its share, by ascending peer id, at most {@code limit}. */
    public List<ShareSummary> shares(int limit) {
        return read(() -> sharesById.values().stream()
                .sorted(Comparator.comparingInt(share -> share.peer.peerId()))
                .limit(limit)
                .map(share -> new ShareSummary(share.peer, share.files.size(), share.bytes))
                .toList());
    }

    /** Files indexed for a peer; 0 if it is unknown. */
    public int fileCount(int peerId) {
        return read(() -> {
            Share share = sharesById.get(peerId);
            return share == null ? 0 : share.files.size();
        });
    }

    /**
     * Contents whose names equal the query (exactly, then ignoring case) or contain it
     * ignoring case, best first, at most {@code limit}. Costs the names holding a word that
     * contains the query's longest run of letters and digits (every name for a query without
     * any) plus work for the matches, never more than the search budget; memory stays bounded
     * by the limit.
     */
    public List<FileHit> search(String query, int limit) {
        NameMatch match = NameMatch.of(query);
        return read(() -> best(match, limit, new SearchBudget(maxCandidates)).stream()
                .map(ranked -> hits.toHit(ranked, match)).toList());
    }

    /**
     * The same search as {@link #search}, answered as the text of its {@code searchResult}
     * message (see {@link SearchResultText}): what the indexer sends. Partial when the search
     * ran out of budget or the reply out of room.
     */
    public EncodedSearchResult searchText(String query, int limit) {
        NameMatch match = NameMatch.of(query);
        return read(() -> {
            SearchBudget budget = new SearchBudget(maxCandidates);
            List<RankedContent> best = best(match, limit, budget);
            return SearchResultText.of(query, best, match, hits, budget.exhausted());
        });
    }

    /* Call under the read lock. */
    private List<RankedContent> best(NameMatch match, int limit, SearchBudget budget) {
        TopHits top = new TopHits(limit);
        catalog.search(match, top, budget);
        return top.bestFirst();
    }

    /** The content with this SHA-256 and everyone holding it, if anyone does. */
    public Optional<FileHit> searchBySha256(String sha256) {
        NameMatch any = NameMatch.any();
        if (!Fields.isSha256(sha256)) {
            return Optional.empty();
        }
        return read(() -> Optional.ofNullable(catalog.content(sha256))
                .map(content -> hits.toHit(RankedContent.of(content, any), any)));
    }

    /**
     * The search by content as the text of its reply ({@code query} is the SHA-256, as in a
     * {@code searchResult} for a hash): one hit, or none, its holders cut to the reply's size.
     */
    public EncodedSearchResult searchTextBySha256(String sha256) {
        NameMatch any = NameMatch.any();
        return read(() -> {
            Content content = Fields.isSha256(sha256) ? catalog.content(sha256) : null;
            List<RankedContent> found = content == null ? List.of() : List.of(RankedContent.of(content, any));
            return SearchResultText.of(sha256, found, any, hits, false);
        });
    }

    /** Heap bytes the index takes at most, estimated from what it holds (see {@link IndexBudget}). */
    public long estimatedBytes() {
        return read(catalog::estimatedBytes);
    }

    public IndexStats stats() {
        return read(() -> new IndexStats(sharesById.size(), catalog.fileCount(), catalog.contentCount()));
    }

    private Share shareOf(int peerId) {
        Share share = sharesById.get(peerId);
        if (share == null) {
            throw new IllegalArgumentException("peer " + peerId + " is not registered");
        }
        return share;
    }

    private boolean addTo(Share share, SharedFile file, Instant sharedAt) {
        PostingSet.Key key = catalog.keyOf(file);
        if (share.files.find(key) != null) {
            return false;
        }
        share.files.add(link(share, file, key, sharedAt), key);
        return true;
    }

    private Posting link(Share share, SharedFile file, PostingSet.Key key, Instant sharedAt) {
        share.bytes += file.size();
        return catalog.link(share.peer.peerId(), file, key, sharedAt);
    }

    private void unlink(Share share, Posting posting) {
        share.bytes -= posting.size;
        catalog.unlink(posting);
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
