package napster.indexer;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import napster.common.protocol.FileHit;
import napster.common.protocol.SharedFile;
import napster.indexer.Posting.FileKey;

/**
 * The in-memory index of who shares what. Thread-safe: searches share a read lock, changes
 * take the write lock and cost what their batch holds (a re-register also drops the files
 * the peer no longer shares). Peer ids are chosen by the caller.
 */
public final class FileIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Integer, Share> sharesById = new HashMap<>();
    private final Map<String, Share> sharesByKey = new HashMap<>();
    private final Map<String, Content> contents = new HashMap<>();
    // lower-cased name -> contents under it; substring searches scan namePages, not the files
    private final Map<String, NameEntry> names = new HashMap<>();
    private final NamePages namePages = new NamePages();
    private final HitFactory hits = new HitFactory(peerId -> sharesById.get(peerId).peer);
    private long fileCount;

    /** One peer and its files, keyed by name and content. */
    private static final class Share {
        private Peer peer;
        private Map<FileKey, Posting> files = new HashMap<>();

        private Share(Peer peer) {
            this.peer = peer;
        }
    }

    /**
     * Adds a peer, or replaces a known one's address and whole share. Files it shared before
     * and still shares keep their first {@code sharedAt}.
     *
     * @return the number of files now indexed for the peer
     * @throws IllegalArgumentException if the id or the key is already bound to another peer
     */
    public int register(Peer peer, Collection<SharedFile> files, Instant sharedAt) {
        return write(() -> {
            Share byId = sharesById.get(peer.peerId());
            Share byKey = sharesByKey.get(peer.peerKey());
            if (byId != byKey) {
                throw new IllegalArgumentException("peer id " + peer.peerId() + " and its key belong to different peers");
            }
            Share share = byId != null ? byId : new Share(peer);
            share.peer = peer;
            Map<FileKey, Posting> previous = share.files;
            share.files = new HashMap<>();
            for (SharedFile file : files) {
                FileKey key = FileKey.of(file);
                Posting kept = previous.remove(key);
                if (kept != null) {
                    share.files.put(key, kept);
                } else if (!share.files.containsKey(key)) {
                    Posting posting = Posting.of(peer.peerId(), file, sharedAt);
                    share.files.put(key, posting);
                    link(posting);
                }
            }
            previous.values().forEach(this::unlink);
            sharesById.put(peer.peerId(), share);
            sharesByKey.put(peer.peerKey(), share);
            return share.files.size();
        });
    }

    /**
     * Applies a delta to a known peer's share in one step: first drops {@code removed}, then
     * adds {@code added}, so searches never see half of it.
     *
     * @return the number of files now indexed for the peer
     * @throws IllegalArgumentException if the peer is unknown
     */
    public int update(int peerId, Collection<SharedFile> added, Collection<SharedFile> removed, Instant sharedAt) {
        return write(() -> {
            remove(peerId, removed);
            return add(peerId, added, sharedAt);
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
                FileKey key = FileKey.of(file);
                if (!share.files.containsKey(key)) {
                    Posting posting = Posting.of(peerId, file, sharedAt);
                    share.files.put(key, posting);
                    link(posting);
                }
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
                Posting removed = share.files.remove(FileKey.of(file));
                if (removed != null) {
                    unlink(removed);
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
            share.files.values().forEach(this::unlink);
            return true;
        });
    }

    public Optional<Peer> peer(int peerId) {
        return read(() -> Optional.ofNullable(sharesById.get(peerId)).map(share -> share.peer));
    }

    public Optional<Peer> peerByKey(String peerKey) {
        return read(() -> Optional.ofNullable(sharesByKey.get(peerKey)).map(share -> share.peer));
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
     * ignoring case, best first, at most {@code limit}. Costs one pass over the distinct
     * lower-cased names plus work for the matches; memory stays bounded by the limit.
     */
    public List<FileHit> search(String query, int limit) {
        NameMatch match = NameMatch.of(query);
        String lowerQuery = match.lowerQuery();
        return read(() -> {
            TopHits top = new TopHits(limit);
            NameEntry sameName = names.get(lowerQuery);
            if (sameName != null) {
                sameName.forEach(content -> top.offer(RankedContent.of(content, match)));
            }
            namePages.forEachContaining(lowerQuery, entry -> {
                if (entry.lowerName.length() > lowerQuery.length()) {
                    entry.forEach(content -> {
                        // a content not held by now ranks as a substring match or was refused already
                        if (!top.holds(content) && top.mightTake(NameMatch.SUBSTRING, content.peerCount())) {
                            top.offer(RankedContent.of(content, match));
                        }
                    });
                }
            });
            return top.bestFirst().stream().map(ranked -> hits.toHit(ranked, match)).toList();
        });
    }

    /** The content with this SHA-256 and everyone holding it, if anyone does. */
    public Optional<FileHit> searchBySha256(String sha256) {
        NameMatch any = NameMatch.any();
        return read(() -> Optional.ofNullable(contents.get(sha256))
                .map(content -> hits.toHit(RankedContent.of(content, any), any)));
    }

    public IndexStats stats() {
        return read(() -> new IndexStats(sharesById.size(), fileCount, contents.size()));
    }

    private Share shareOf(int peerId) {
        Share share = sharesById.get(peerId);
        if (share == null) {
            throw new IllegalArgumentException("peer " + peerId + " is not registered");
        }
        return share;
    }

    private void link(Posting posting) {
        Content content = contents.computeIfAbsent(posting.sha256(), sha256 -> new Content());
        content.add(posting);
        NameEntry entry = names.get(posting.lowerName());
        if (entry == null) {
            entry = new NameEntry(posting.lowerName());
            names.put(entry.lowerName, entry);
            namePages.add(entry);
        }
        entry.add(content);
        fileCount++;
    }

    private void unlink(Posting posting) {
        Content content = contents.get(posting.sha256());
        content.remove(posting);
        if (content.isEmpty()) {
            contents.remove(posting.sha256());
        }
        NameEntry entry = names.get(posting.lowerName());
        entry.remove(content);
        if (entry.isEmpty()) {
            names.remove(entry.lowerName);
            namePages.remove(entry);
        }
        fileCount--;
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), () -> {
            try {
                return action.get();
            } finally {
                namePages.flush();
            }
        });
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
