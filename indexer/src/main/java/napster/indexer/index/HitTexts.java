package napster.indexer.index;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.cursors.IntCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * What a reply shows of the best hits: each content's name and size as its display file has
 * them, and every peer holding it, each under its own best-matching name (see
 * {@link Ranking}). A content held by more peers than matched is looked up by its SHA-256 for
 * the others, reading at most {@code budget} files for all hits together.
 */
final class HitTexts {
    /** Whether a file the search left unread (it ranks below the page) matches it. */
    interface UnreadMatches {
        boolean matches(int doc) throws IOException;
    }

    // what is kept of a holder's file the search did not match: order prefixes, whether it
    // matches after all (1, 0; -1 not yet known), its doc and when it was shared
    private static final int OTHER_ORDER_HIGH = 0;
    private static final int OTHER_ORDER_LOW = 1;
    private static final int OTHER_MATCHES = 2;
    private static final int OTHER_DOC = 3;
    private static final int OTHER_SHARED_AT = 4;

    private final IndexSearcher searcher;
    private final Candidates found;
    private final UnreadMatches unread;
    private int budget;
    private boolean partial;

    /**
     * {@code unread}: null when the search read every file it matches, so a holder it did not
     * match has no matching file of the content; else asked when such a holder has several.
     */
    HitTexts(IndexSearcher searcher, Candidates found, int budget, UnreadMatches unread) {
        this.searcher = searcher;
        this.found = found;
        this.budget = Math.max(0, budget);
        this.unread = unread;
    }

    /** The texts of hits with their holder counts. */
    List<ResultText.HitText> of(List<Hit> best) throws IOException {
        int[][] holderPeers = new int[best.size()][];
        int[][] holderDocs = new int[best.size()][];
        long[][] holderSharedAts = new long[best.size()][];
        int docCount = best.size();
        for (int i = 0; i < best.size(); i++) {
            Hit hit = best.get(i);
            if (hit.holders == 1 && found.next(hit.first) < 0) { // most contents: one file, one holder
                holderPeers[i] = new int[] {found.peer(hit.first)};
                holderDocs[i] = new int[] {found.doc(hit.first)};
                holderSharedAts[i] = new long[] {found.sharedAt(hit.first)};
                docCount++;
                continue;
            }
            IntIntHashMap candidateByPeer = matchedHolders(hit);
            IntObjectHashMap<long[]> others = hit.holders > candidateByPeer.size()
                    ? otherHolders(hit, candidateByPeer) : new IntObjectHashMap<>();
            int[] peers = new int[candidateByPeer.size() + others.size()];
            int n = 0;
            for (IntCursor peer : candidateByPeer.keys()) {
                peers[n++] = peer.value;
            }
            for (IntCursor peer : others.keys()) {
                peers[n++] = peer.value;
            }
            Arrays.sort(peers);
            int[] docs = new int[peers.length];
            long[] sharedAts = new long[peers.length];
            for (int j = 0; j < peers.length; j++) {
                int c = candidateByPeer.getOrDefault(peers[j], -1);
                long[] other = c < 0 ? others.get(peers[j]) : null;
                docs[j] = c >= 0 ? found.doc(c) : (int) other[OTHER_DOC];
                sharedAts[j] = c >= 0 ? found.sharedAt(c) : other[OTHER_SHARED_AT];
            }
            holderPeers[i] = peers;
            holderDocs[i] = docs;
            holderSharedAts[i] = sharedAts;
            docCount += docs.length;
        }
        int[] docs = new int[docCount];
        int at = 0;
        for (int i = 0; i < best.size(); i++) {
            docs[at++] = best.get(i).displayDoc;
            for (int doc : holderDocs[i]) {
                docs[at++] = doc;
            }
        }
        String[] names = DocReads.names(searcher.getIndexReader().leaves(), docs, docCount);
        List<ResultText.HitText> texts = new ArrayList<>(best.size());
        at = 0;
        for (int i = 0; i < best.size(); i++) {
            Hit hit = best.get(i);
            int display = at++;
            List<ResultText.HolderText> holderTexts = new ArrayList<>(holderPeers[i].length);
            for (int j = 0; j < holderPeers[i].length; j++) {
                holderTexts.add(new ResultText.HolderText(holderPeers[i][j], names[at++], holderSharedAts[i][j]));
            }
            texts.add(new ResultText.HitText(names[display], found.size(hit.display),
                    FileFields.sha256Hex(hit.w0, hit.w1, hit.w2, hit.w3), holderTexts));
        }
        return texts;
    }

    /** Whether holders were left unread for want of budget. */
    boolean partial() {
        return partial;
    }

    /* Each peer's best-matching file of the hit among those the search matched: candidate by peer. */
    private IntIntHashMap matchedHolders(Hit hit) throws IOException {
        IntIntHashMap candidateByPeer = new IntIntHashMap();
        for (int c = hit.first; c >= 0; c = found.next(c)) {
            int peer = found.peer(c);
            int slot = candidateByPeer.indexOf(peer);
            if (!candidateByPeer.indexExists(slot)) {
                candidateByPeer.indexInsert(slot, peer, c);
            } else {
                if (found.compareForHolder(c, candidateByPeer.indexGet(slot)) < 0) {
                    candidateByPeer.indexReplace(slot, c);
                }
            }
        }
        return candidateByPeer;
    }

    /* Whether one file of a holder names the content there better than another: matching first, then by name. */
    private boolean better(long[] file, long[] other, List<LeafReaderContext> leaves) throws IOException {
        if (unread != null) {
            file[OTHER_MATCHES] = unread.matches((int) file[OTHER_DOC]) ? 1 : 0;
            if (other[OTHER_MATCHES] < 0) {
                other[OTHER_MATCHES] = unread.matches((int) other[OTHER_DOC]) ? 1 : 0;
            }
            if (file[OTHER_MATCHES] != other[OTHER_MATCHES]) {
                return file[OTHER_MATCHES] > other[OTHER_MATCHES];
            }
        }
        int by = NameOrder.comparePrefixes(file[OTHER_ORDER_HIGH], file[OTHER_ORDER_LOW], other[OTHER_ORDER_HIGH],
                other[OTHER_ORDER_LOW]);
        return (by != 0 ? by : DocReads.orderKey(leaves, (int) file[OTHER_DOC])
                .compareTo(DocReads.orderKey(leaves, (int) other[OTHER_DOC]))) < 0;
    }

    /*
     * The peers holding the content under names the search did not match, each under its
     * best-matching name among those left unread, or its first name by order when none matches:
     * by peer, what {@link #OTHER_DOC} and the like say of that file.
     */
    private IntObjectHashMap<long[]> otherHolders(Hit hit, IntIntHashMap matched) throws IOException {
        byte[] sha = new byte[32];
        BitUtil.VH_BE_LONG.set(sha, 0, hit.w0);
        BitUtil.VH_BE_LONG.set(sha, 8, hit.w1);
        BitUtil.VH_BE_LONG.set(sha, 16, hit.w2);
        BitUtil.VH_BE_LONG.set(sha, 24, hit.w3);
        IntObjectHashMap<long[]> chosenByPeer = new IntObjectHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        searcher.search(new TermQuery(FileFields.sha(sha)),
                new SimpleCollector() {
                    private org.apache.lucene.index.BinaryDocValues records;
                    private int base;

                    @Override
                    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
                        records = DocValues.getBinary(leaf.reader(), FileFields.RECORD);
                        base = leaf.docBase;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (budget == 0) {
                            partial = true;
                            throw new org.apache.lucene.search.CollectionTerminatedException();
                        }
                        budget--;
                        if (!records.advanceExact(doc)) {
                            return;
                        }
                        BytesRef record = records.binaryValue();
                        int peer = FileRecord.peer(record);
                        if (matched.containsKey(peer)) {
                            return;
                        }
                        // whether the file matches is unknown (-1) until a second file of the peer asks
                        long[] file = {FileRecord.orderHigh(record), FileRecord.orderLow(record), -1, base + doc,
                                FileRecord.sharedAt(record)};
                        long[] chosen = chosenByPeer.get(peer);
                        if (chosen == null || better(file, chosen, leaves)) {
                            chosenByPeer.put(peer, file);
                        }
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                });
        return chosenByPeer;
    }
}
