package napster.indexer.index;

import org.apache.lucene.util.BytesRef;

/**
 * One content among a search's results while they are ranked: its SHA-256 (as four longs),
 * the files of it that matched (a chain through {@link Candidates}), and what ranks it: the
 * best rank among them, how many peers hold it, and the file that names it.
 */
final class Hit {
    final long w0;
    final long w1;
    final long w2;
    final long w3;
    /** The content's key in the holder counts ({@link FileKey#content}). */
    final long key;
    /** Another content with the same key, in the same search. */
    Hit sameKey;
    byte rank = Byte.MAX_VALUE;
    int holders;
    /** The candidate that names this content, its doc, peer and order prefixes. */
    int display = -1;
    int displayDoc;
    int displayPeer;
    long orderHigh;
    long orderLow;
    /** The full order key of the display file, read only when prefixes tie. */
    BytesRef orderKey;
    /** The first matched file, then {@link Candidates#next}. */
    int first = -1;

    Hit(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
        this.key = FileKey.content(w0, w1, w2, w3);
    }

    boolean is(long v0, long v1, long v2, long v3) {
        return w0 == v0 && w1 == v1 && w2 == v2 && w3 == v3;
    }

    int compareContent(Hit other) {
        int order = Long.compareUnsigned(w0, other.w0);
        if (order == 0) {
            order = Long.compareUnsigned(w1, other.w1);
        }
        if (order == 0) {
            order = Long.compareUnsigned(w2, other.w2);
        }
        return order != 0 ? order : Long.compareUnsigned(w3, other.w3);
    }
}
