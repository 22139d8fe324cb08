package napster.indexer.index;

import java.util.Comparator;

/**
 * How results are ordered, in one place: files named exactly what was typed first, then
 * those where every query word is a whole word of the name, then those where some word only
 * starts one; among equals, contents more peers hold first, then by name ({@link NameOrder}),
 * then by SHA-256. A content ranks as its best-matching name, and is shown under that name as
 * its lowest-numbered peer shares it; each holder is listed under its own best-matching name.
 */
final class Ranking {
    static final byte EXACT_NAME = 0;
    static final byte WHOLE_WORDS = 1;
    static final byte PREFIXES = 2;

    private Ranking() {
    }

    /** A file's rank, lower is better. */
    static byte rank(boolean exactName, boolean wholeWords) {
        return exactName ? EXACT_NAME : wholeWords ? WHOLE_WORDS : PREFIXES;
    }

    /**
     * The order of two files of one content for naming it: better rank first, then the lower
     * peer id, then name order; 0 when only their whole {@link NameOrder} keys can tell.
     */
    static int compareForDisplay(byte rank, int peer, long high, long low, byte otherRank, int otherPeer,
                                 long otherHigh, long otherLow) {
        if (rank != otherRank) {
            return Integer.compare(rank, otherRank);
        }
        if (peer != otherPeer) {
            return Integer.compare(peer, otherPeer);
        }
        return NameOrder.comparePrefixes(high, low, otherHigh, otherLow);
    }

    /** The order of one holder's files of a content for naming it there: better rank, then name order; 0 as above. */
    static int compareForHolder(byte rank, long high, long low, byte otherRank, long otherHigh, long otherLow) {
        return rank != otherRank ? Integer.compare(rank, otherRank)
                : NameOrder.comparePrefixes(high, low, otherHigh, otherLow);
    }

    /** The order of hits, best first; {@code keys} reads a hit's full name order when prefixes tie. */
    static Comparator<Hit> bestFirst(OrderKeys keys) {
        return (a, b) -> {
            if (a.rank != b.rank) {
                return Integer.compare(a.rank, b.rank);
            }
            if (a.holders != b.holders) {
                return Integer.compare(b.holders, a.holders);
            }
            int order = NameOrder.comparePrefixes(a.orderHigh, a.orderLow, b.orderHigh, b.orderLow);
            if (order == 0) {
                order = keys.of(a).compareTo(keys.of(b));
            }
            return order != 0 ? order : a.compareContent(b);
        };
    }

    /** Reads a hit's full {@link NameOrder} key. */
    interface OrderKeys {
        org.apache.lucene.util.BytesRef of(Hit hit);
    }
}
