package napster.indexer.index;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The files one search matched, at most {@code max} of them, grouped by content into
 * {@link Hit}s as they come: for each, its peer, its rank (see {@link Ranking}) and its order
 * prefixes, read from doc values in doc order. A search that matches more stops there and says
 * so ({@link #partial()}): no query costs more than {@code max} files read.
 */
final class Candidates implements Collector {
    private final Weight exactName;
    private final Weight wholeWords;
    private final int max;
    private final List<LeafReaderContext> leaves;
    private final LongObjectHashMap<Hit> byContent = new LongObjectHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    private int count;
    private int[] docs = new int[64];
    private int[] peers = new int[64];
    private byte[] ranks = new byte[64];
    private long[] orderHighs = new long[64];
    private long[] orderLows = new long[64];
    private int[] next = new int[64];
    private boolean partial;

    /**
     * {@code exactName}, {@code wholeWords}: the files ranked so (null: none, or all of them, as
     * {@link Matching} says); {@code leaves}: the searcher's, to read whole name keys on a tie.
     */
    Candidates(Weight exactName, Weight wholeWords, int max, List<LeafReaderContext> leaves) {
        this.exactName = exactName;
        this.wholeWords = wholeWords;
        this.max = max;
        this.leaves = leaves;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
        if (count == max) {
            partial = true;
            throw new CollectionTerminatedException();
        }
        BinaryDocValues shas = DocValues.getBinary(leaf.reader(), FileFields.SHA);
        NumericDocValues peerIds = DocValues.getNumeric(leaf.reader(), FileFields.PEER);
        NumericDocValues highs = DocValues.getNumeric(leaf.reader(), FileFields.ORDER_HIGH);
        NumericDocValues lows = DocValues.getNumeric(leaf.reader(), FileFields.ORDER_LOW);
        DocIdSetIterator exact = iterator(exactName, leaf);
        DocIdSetIterator whole = iterator(wholeWords, leaf);
        boolean allWhole = wholeWords == null;
        int base = leaf.docBase;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (count == max) {
                    partial = true;
                    throw new CollectionTerminatedException();
                }
                if (!shas.advanceExact(doc) || !peerIds.advanceExact(doc) || !highs.advanceExact(doc)
                        || !lows.advanceExact(doc)) {
                    return; // every file document has them all
                }
                BytesRef sha = shas.binaryValue();
                byte rank = Ranking.rank(matches(exact, doc), allWhole || matches(whole, doc));
                add(base + doc, (int) peerIds.longValue(), rank, highs.longValue(), lows.longValue(), sha);
            }
        };
    }

    private void add(int doc, int peer, byte rank, long orderHigh, long orderLow, BytesRef sha) throws IOException {
        if (count == docs.length) {
            int size = 2 * count;
            docs = Arrays.copyOf(docs, size);
            peers = Arrays.copyOf(peers, size);
            ranks = Arrays.copyOf(ranks, size);
            orderHighs = Arrays.copyOf(orderHighs, size);
            orderLows = Arrays.copyOf(orderLows, size);
            next = Arrays.copyOf(next, size);
        }
        int at = count++;
        docs[at] = doc;
        peers[at] = peer;
        ranks[at] = rank;
        orderHighs[at] = orderHigh;
        orderLows[at] = orderLow;
        Hit hit = hitOf(sha);
        next[at] = hit.first;
        hit.first = at;
        if (hit.display < 0 || namesBetter(at, hit)) {
            hit.rank = rank;
            hit.display = at;
            hit.displayDoc = doc;
            hit.displayPeer = peer;
            hit.orderHigh = orderHigh;
            hit.orderLow = orderLow;
        }
    }

    /* Whether candidate {@code at} should name the hit instead of the one that does. */
    private boolean namesBetter(int at, Hit hit) throws IOException {
        int order = Ranking.compareForDisplay(ranks[at], peers[at], orderHighs[at], orderLows[at], hit.rank,
                hit.displayPeer, hit.orderHigh, hit.orderLow);
        if (order == 0) {
            order = DocReads.orderKey(leaves, docs[at]).compareTo(DocReads.orderKey(leaves, hit.displayDoc));
        }
        return order < 0;
    }

    /** Compares two candidates of one holder for naming the content there: below zero if {@code a} is better. */
    int compareForHolder(int a, int b) throws IOException {
        int order = Ranking.compareForHolder(ranks[a], orderHighs[a], orderLows[a], ranks[b], orderHighs[b],
                orderLows[b]);
        return order != 0 ? order : DocReads.orderKey(leaves, docs[a]).compareTo(DocReads.orderKey(leaves, docs[b]));
    }

    private Hit hitOf(BytesRef sha) {
        long w0 = (long) BitUtil.VH_BE_LONG.get(sha.bytes, sha.offset);
        long w1 = (long) BitUtil.VH_BE_LONG.get(sha.bytes, sha.offset + 8);
        long w2 = (long) BitUtil.VH_BE_LONG.get(sha.bytes, sha.offset + 16);
        long w3 = (long) BitUtil.VH_BE_LONG.get(sha.bytes, sha.offset + 24);
        long key = FileKey.content(w0, w1, w2, w3);
        Hit first = byContent.get(key);
        for (Hit hit = first; hit != null; hit = hit.sameKey) {
            if (hit.is(w0, w1, w2, w3)) {
                return hit;
            }
        }
        Hit hit = new Hit(w0, w1, w2, w3);
        hit.sameKey = first;
        byContent.put(key, hit);
        hits.add(hit);
        return hit;
    }

    private static DocIdSetIterator iterator(Weight weight, LeafReaderContext leaf) throws IOException {
        if (weight == null) {
            return null;
        }
        Scorer scorer = weight.scorer(leaf);
        return scorer == null ? null : scorer.iterator();
    }

    private static boolean matches(DocIdSetIterator files, int doc) throws IOException {
        if (files == null) {
            return false;
        }
        if (files.docID() < doc) {
            files.advance(doc);
        }
        return files.docID() == doc;
    }

    /** Files matched (and read). */
    int count() {
        return count;
    }

    List<Hit> hits() {
        return hits;
    }

    boolean partial() {
        return partial;
    }

    /** The global doc id of candidate {@code at}. */
    int doc(int at) {
        return docs[at];
    }

    int peer(int at) {
        return peers[at];
    }

    byte rank(int at) {
        return ranks[at];
    }

    long orderHigh(int at) {
        return orderHighs[at];
    }

    long orderLow(int at) {
        return orderLows[at];
    }

    /** The next matched file of the same content, or -1. */
    int next(int at) {
        return next[at];
    }
}
