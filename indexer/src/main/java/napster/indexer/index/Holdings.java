package napster.indexer.index;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;

/**
 * Who holds what, in primitive tables on the heap, beside the Lucene index: each peer's files
 * by {@link FileKey} (with their sizes) and contents, and for each content how many distinct
 * peers hold it, which ranks results and tells a search when a hit has holders beyond the
 * names that matched. Contents are kept by {@link FileKey#content}. The contents more than one
 * peer holds are counted a second time in a table of their own, which searches read: most
 * contents have one holder, and a table of the others is a fraction of the size and mostly in
 * the cache, where a read in the table of every content costs a miss or two (a sixth of a
 * one-word search over a million files). Not thread-safe:
 * {@link LuceneFileIndex} guards it.
 */
final class Holdings {
    private final LongIntHashMap peersByContent = new LongIntHashMap();
    // the entries of peersByContent above 1
    private final LongIntHashMap shared = new LongIntHashMap();
    private final IntObjectHashMap<PeerFiles> peers = new IntObjectHashMap<>();
    private long files;
    private long peerTableBytes; // what the peers' tables allocate, kept as they change

    /** One peer's files: size by file key, and how many of its files have each content. */
    private static final class PeerFiles {
        final LongLongHashMap sizes = new LongLongHashMap();
        final LongIntHashMap contents = new LongIntHashMap();
        long bytes;

        long heapBytes() {
            return sizes.ramBytesAllocated() + contents.ramBytesAllocated() + 32;
        }
    }

    boolean holds(int peerId, long fileKey) {
        PeerFiles mine = peers.get(peerId);
        return mine != null && mine.sizes.containsKey(fileKey);
    }

    /** Adds a file; false (and nothing changes) if the peer holds it already. */
    boolean add(int peerId, long fileKey, long content, long size) {
        PeerFiles mine = peers.get(peerId);
        if (mine == null) {
            mine = new PeerFiles();
            peers.put(peerId, mine);
            peerTableBytes += mine.heapBytes();
        }
        if (mine.sizes.containsKey(fileKey)) {
            return false;
        }
        long before = mine.heapBytes();
        mine.sizes.put(fileKey, size);
        mine.bytes += size;
        if (mine.contents.addTo(content, 1) == 1) {
            int holders = peersByContent.addTo(content, 1);
            if (holders > 1) {
                shared.put(content, holders);
            }
        }
        peerTableBytes += mine.heapBytes() - before;
        files++;
        return true;
    }

    /** Removes a file; false if the peer did not hold it. */
    boolean remove(int peerId, long fileKey, long content) {
        PeerFiles mine = peers.get(peerId);
        if (mine == null || !mine.sizes.containsKey(fileKey)) {
            return false;
        }
        long before = mine.heapBytes();
        mine.bytes -= mine.sizes.remove(fileKey);
        if (mine.contents.addTo(content, -1) == 0) {
            mine.contents.remove(content);
            dropHolder(content);
        }
        peerTableBytes += mine.heapBytes() - before;
        files--;
        return true;
    }

    /** Forgets a peer's files; the number it had. */
    int removePeer(int peerId) {
        PeerFiles mine = peers.remove(peerId);
        if (mine == null) {
            return 0;
        }
        for (LongIntCursor held : mine.contents) {
            dropHolder(held.key);
        }
        files -= mine.sizes.size();
        peerTableBytes -= mine.heapBytes();
        return mine.sizes.size();
    }

    /** The peers that hold files. */
    java.util.stream.IntStream peerIds() {
        return java.util.Arrays.stream(peers.keys().toArray());
    }

    /**
     * Distinct peers holding a content a search found, so held by one at least: the count now,
     * or 1 if no more than one holds it now (none, if the last one dropped it since the search's
     * view of the index was refreshed).
     */
    int holdersOfFound(long content) {
        return shared.getOrDefault(content, 1);
    }

    int fileCount(int peerId) {
        PeerFiles mine = peers.get(peerId);
        return mine == null ? 0 : mine.sizes.size();
    }

    long bytes(int peerId) {
        PeerFiles mine = peers.get(peerId);
        return mine == null ? 0 : mine.bytes;
    }

    long files() {
        return files;
    }

    int contents() {
        return peersByContent.size();
    }

    /** Heap the tables hold now, arrays included. */
    long heapBytes() {
        return peersByContent.ramBytesAllocated() + shared.ramBytesAllocated() + peers.ramBytesAllocated()
                + peerTableBytes;
    }

    private void dropHolder(long content) {
        int holders = peersByContent.addTo(content, -1);
        if (holders <= 0) {
            peersByContent.remove(content);
        }
        if (holders > 1) {
            shared.put(content, holders);
        } else {
            shared.remove(content);
        }
    }
}
