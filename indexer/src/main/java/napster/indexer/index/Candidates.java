package napster.indexer.index;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The files one search matched, grouped by content into {@link Hit}s as they come: for each,
 * its peer, rank (see {@link Ranking}) and order prefixes, read from its {@link FileRecord}.
 * A search collects in one pass or in two ({@link #taking}): all the files it matches, or
 * those with their words whole and then, if need be, the rest. In one pass, whether a file has
 * its words whole is looked up once the search is done ({@link #finish}), in the segments
 * that matched anything only. The record also says whether the file has the size the search
 * asks for. After reading {@code max} records, taken or not, a search stops and says so
 * ({@link #partial()}): no query costs more than {@code max} files read.
 */
final class Candidates implements Collector {
    /** The rank of files a pass takes when it takes all matches: settled in {@link #finish}. */
    static final byte UNSETTLED = Byte.MAX_VALUE;

    private final Long exactName;
    private final Weight wholeWords;
    private final int max;
    private final Matching.SizeRange sizes;
    private final List<LeafReaderContext> leaves;
    private byte taking = Ranking.WHOLE_WORDS;
    private int earlier; // candidates of earlier passes, in doc order
    private int skipAt; // the first of them at or after the doc in hand
    private int read;
    // sized for a typical word's few hundred matches: growing it step by step cost a tenth of a search
    private final LongObjectHashMap<Hit> byContent = new LongObjectHashMap<>(512);
    private final List<Hit> hits = new ArrayList<>();
    private int count;
    private int[] docs = new int[64];
    private int[] peers = new int[64];
    private byte[] ranks = new byte[64];
    private long[] orderHighs = new long[64];
    private long[] orderLows = new long[64];
    private long[] fileSizes = new long[64];
    private long[] sharedAts = new long[64];
    private int[] next = new int[64];
    private boolean partial;

    /**
     * {@code exactName}: the {@link FileFields#exactHash} a file named as typed has (null: none
     * is); {@code wholeWords}: the files with every bare word whole (null: all), for a pass
     * {@link #UNSETTLED}; {@code sizes}: the sizes a file may have, as {@link Matching} says;
     * {@code leaves}: the searcher's, to read whole name keys on a tie.
     */
    Candidates(Long exactName, Weight wholeWords, Matching.SizeRange sizes, int max,
               List<LeafReaderContext> leaves) {
        this.sizes = sizes;
        this.exactName = exactName;
        this.wholeWords = wholeWords;
        this.max = max;
        this.leaves = leaves;
    }

    /**
     * The rank of the files the next pass collects, or {@link #UNSETTLED} (a file named exactly
     * as typed ranks above any); a file an earlier pass took is passed over, unread. Each pass
     * comes in doc order.
     */
    Candidates taking(byte rank) {
        taking = rank;
        earlier = count;
        skipAt = 0;
        return this;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
        if (read == max) {
            partial = true;
            throw new CollectionTerminatedException();
        }
        BinaryDocValues records = DocValues.getBinary(leaf.reader(), FileFields.RECORD);
        byte notExact = taking == UNSETTLED && wholeWords == null ? Ranking.WHOLE_WORDS : taking;
        int base = leaf.docBase;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (takenEarlier(base + doc)) {
                    return;
                }
                if (read == max) {
                    partial = true;
                    throw new CollectionTerminatedException();
                }
                read++;
                if (!records.advanceExact(doc)) {
                    return; // every file document has one
                }
                BytesRef record = records.binaryValue();
                if (!sizes.admits(FileRecord.size(record))) {
                    return;
                }
                boolean exactlyNamed = exactName != null && FileRecord.exact(record) == exactName;
                add(base + doc, exactlyNamed ? Ranking.EXACT_NAME : notExact, record);
            }
        };
    }

    private boolean takenEarlier(int doc) {
        while (skipAt < earlier && docs[skipAt] < doc) {
            skipAt++;
        }
        return skipAt < earlier && docs[skipAt] == doc;
    }

    private void add(int doc, byte rank, BytesRef record) {
        if (count == docs.length) {
            int size = 2 * count;
            docs = Arrays.copyOf(docs, size);
            peers = Arrays.copyOf(peers, size);
            ranks = Arrays.copyOf(ranks, size);
            orderHighs = Arrays.copyOf(orderHighs, size);
            orderLows = Arrays.copyOf(orderLows, size);
            fileSizes = Arrays.copyOf(fileSizes, size);
            sharedAts = Arrays.copyOf(sharedAts, size);
            next = Arrays.copyOf(next, size);
        }
        int at = count++;
        docs[at] = doc;
        peers[at] = FileRecord.peer(record);
        ranks[at] = rank;
        orderHighs[at] = FileRecord.orderHigh(record);
        orderLows[at] = FileRecord.orderLow(record);
        fileSizes[at] = FileRecord.size(record);
        sharedAts[at] = FileRecord.sharedAt(record);
        Hit hit = hitOf(record);
        next[at] = hit.first;
        hit.first = at;
    }

    /**
     * Settles each file's rank where a pass left it unsettled (one lookup per segment that has
     * such files) and each hit's display file. Call once the search is done.
     */
    void finish() throws IOException {
        DocIdSetIterator whole = null;
        int leafEnd = -1;
        int base = 0;
        for (int at = 0; at < count; at++) {
            if (ranks[at] != UNSETTLED) {
                continue;
            }
            int doc = docs[at];
            if (doc >= leafEnd) { // unsettled candidates come from one pass, in doc order: the next segment with some
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                base = leaf.docBase;
                leafEnd = base + leaf.reader().maxDoc();
                whole = iterator(wholeWords, leaf);
            }
            ranks[at] = matches(whole, doc - base) ? Ranking.WHOLE_WORDS : Ranking.PREFIXES;
        }
        for (Hit hit : hits) {
            for (int at = hit.first; at >= 0; at = next[at]) {
                if (hit.display < 0 || namesBetter(at, hit)) {
                    hit.rank = ranks[at];
                    hit.display = at;
                    hit.displayDoc = docs[at];
                    hit.displayPeer = peers[at];
                    hit.orderHigh = orderHighs[at];
                    hit.orderLow = orderLows[at];
                }
            }
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

    private Hit hitOf(BytesRef record) {
        long w0 = FileRecord.sha(record, 0);
        long w1 = FileRecord.sha(record, 1);
        long w2 = FileRecord.sha(record, 2);
        long w3 = FileRecord.sha(record, 3);
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

    /** Files read, taken or not. */
    int read() {
        return read;
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

    long size(int at) {
        return fileSizes[at];
    }

    /** When candidate {@code at} was shared, as {@link FileRecord#sharedAt}. */
    long sharedAt(int at) {
        return sharedAts[at];
    }

    /** The next matched file of the same content, or -1. */
    int next(int at) {
        return next[at];
    }
}
