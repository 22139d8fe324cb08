package napster.indexer;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everyone sharing one content (one SHA-256). The hash is kept as four longs, not as a
 * 64-char String (32 bytes instead of 104). Postings stay sorted by peer id, then name, so
 * holders come out in peer order without sorting per search; the one posting most contents
 * have is held as it is, more in an array of exactly their number. Not thread-safe: the
 * {@link FileIndex} lock guards it.
 */
final class Content {
    final int hash;
    final long w0;
    final long w1;
    final long w2;
    final long w3;
    private int peerCount;
    // a Posting, or a Posting[] of two or more
    private Object postings;

    Content(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
        this.hash = hash(w0, w1, w2, w3);
    }

    /** The content of a SHA-256 in the protocol's form (64 lower-case hex digits), with no postings yet. */
    static Content of(String sha256) {
        return new Content(Sha256Hex.word(sha256, 0), Sha256Hex.word(sha256, 1), Sha256Hex.word(sha256, 2),
                Sha256Hex.word(sha256, 3));
    }

    static int hash(long w0, long w1, long w2, long w3) {
        return OpenSet.spread(w0 ^ Long.rotateLeft(w1, 16) ^ Long.rotateLeft(w2, 32) ^ Long.rotateLeft(w3, 48)
                ^ NameBytes.SEED);
    }

    boolean is(long v0, long v1, long v2, long v3) {
        return w0 == v0 && w1 == v1 && w2 == v2 && w3 == v3;
    }

    String sha256() {
        return Sha256Hex.format(w0, w1, w2, w3);
    }

    /** The order of the hex strings. */
    int compareSha256(Content other) {
        int order = Long.compareUnsigned(w0, other.w0);
        if (order == 0) {
            order = Long.compareUnsigned(w1, other.w1);
        }
        if (order == 0) {
            order = Long.compareUnsigned(w2, other.w2);
        }
        return order != 0 ? order : Long.compareUnsigned(w3, other.w3);
    }

    void add(Posting posting) {
        if (postings == null) {
            postings = posting;
            peerCount = 1;
            return;
        }
        Posting[] all = array();
        int at = Arrays.binarySearch(all, posting, Posting.ORDER);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (!hasPeerAt(all, at - 1, posting.peerId) && !hasPeerAt(all, at, posting.peerId)) {
            peerCount++;
        }
        Posting[] more = new Posting[all.length + 1];
        System.arraycopy(all, 0, more, 0, at);
        more[at] = posting;
        System.arraycopy(all, at, more, at + 1, all.length - at);
        postings = more;
    }

    void remove(Posting posting) {
        if (postings == posting) {
            postings = null;
            peerCount = 0;
            return;
        }
        Posting[] all = array();
        int at = Arrays.binarySearch(all, posting, Posting.ORDER);
        if (at < 0) {
            return;
        }
        Posting[] fewer = new Posting[all.length - 1];
        System.arraycopy(all, 0, fewer, 0, at);
        System.arraycopy(all, at + 1, fewer, at, all.length - at - 1);
        if (!hasPeerAt(fewer, at - 1, posting.peerId) && !hasPeerAt(fewer, at, posting.peerId)) {
            peerCount--;
        }
        postings = fewer.length == 0 ? null : fewer.length == 1 ? fewer[0] : fewer;
    }

    int postingCount() {
        return postings instanceof Posting ? 1 : postings == null ? 0 : ((Posting[]) postings).length;
    }

    /** Posting {@code index} in the order by peer id, then name. */
    Posting posting(int index) {
        if (postings instanceof Posting single) {
            Objects.checkIndex(index, 1);
            return single;
        }
        return ((Posting[]) postings)[index];
    }

    boolean isEmpty() {
        return postings == null;
    }

    /** Distinct peers holding this content (a peer may share it under several names). */
    int peerCount() {
        return peerCount;
    }

    private Posting[] array() {
        if (postings instanceof Posting single) {
            return new Posting[] {single};
        }
        return postings == null ? new Posting[0] : (Posting[]) postings;
    }

    private static boolean hasPeerAt(Posting[] all, int index, int peerId) {
        return index >= 0 && index < all.length && all[index].peerId == peerId;
    }
}
