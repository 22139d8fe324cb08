package napster.indexer.index;

import com.carrotsearch.hppc.IntIntHashMap;
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
        int docCount = best.size();
        for (int i = 0; i < best.size(); i++) {
            IntIntHashMap docByPeer = matchedHolders(best.get(i));
            if (best.get(i).holders > docByPeer.size()) {
                addOtherHolders(best.get(i), docByPeer);
            }
            int[] peers = docByPeer.keys().toArray();
            Arrays.sort(peers);
            int[] docs = new int[peers.length];
            for (int j = 0; j < peers.length; j++) {
                docs[j] = docByPeer.get(peers[j]);
            }
            holderPeers[i] = peers;
            holderDocs[i] = docs;
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
        DocReads read = DocReads.of(searcher.getIndexReader().leaves(), docs, docCount);
        List<ResultText.HitText> texts = new ArrayList<>(best.size());
        at = 0;
        for (int i = 0; i < best.size(); i++) {
            int display = at++;
            List<ResultText.HolderText> holderTexts = new ArrayList<>(holderPeers[i].length);
            for (int peer : holderPeers[i]) {
                holderTexts.add(new ResultText.HolderText(peer, read.names[at], read.sharedAt[at]));
                at++;
            }
            texts.add(new ResultText.HitText(read.names[display], read.sizes[display], read.sha256[display],
                    holderTexts));
        }
        return texts;
    }

    /** Whether holders were left unread for want of budget. */
    boolean partial() {
        return partial;
    }

    /* Each peer's best-matching file of the hit among those the search matched: doc by peer. */
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
        IntIntHashMap docByPeer = new IntIntHashMap(candidateByPeer.size());
        candidateByPeer.forEach((com.carrotsearch.hppc.procedures.IntIntProcedure)
                (peer, c) -> docByPeer.put(peer, found.doc(c)));
        return docByPeer;
    }

    /* Whether one file of a holder names the content there better than another: matching first, then by name. */
    private boolean better(long[] order, int doc, long[] otherOrder, int otherDoc, List<LeafReaderContext> leaves)
            throws IOException {
        if (unread != null) {
            order[2] = unread.matches(doc) ? 1 : 0;
            if (otherOrder[2] < 0) {
                otherOrder[2] = unread.matches(otherDoc) ? 1 : 0;
            }
            if (order[2] != otherOrder[2]) {
                return order[2] > otherOrder[2];
            }
        }
        return firstByName(order, doc, otherOrder, otherDoc, leaves);
    }

    private static boolean firstByName(long[] order, int doc, long[] otherOrder, int otherDoc,
                                       List<LeafReaderContext> leaves) throws IOException {
        int by = NameOrder.comparePrefixes(order[0], order[1], otherOrder[0], otherOrder[1]);
        return (by != 0 ? by : DocReads.orderKey(leaves, doc).compareTo(DocReads.orderKey(leaves, otherDoc))) < 0;
    }

    /*
     * Adds the peers holding the content under names the search did not match, each under its
     * best-matching name among those left unread, or its first name by order when none matches.
     */
    private void addOtherHolders(Hit hit, IntIntHashMap docByPeer) throws IOException {
        byte[] sha = new byte[32];
        BitUtil.VH_BE_LONG.set(sha, 0, hit.w0);
        BitUtil.VH_BE_LONG.set(sha, 8, hit.w1);
        BitUtil.VH_BE_LONG.set(sha, 16, hit.w2);
        BitUtil.VH_BE_LONG.set(sha, 24, hit.w3);
        IntIntHashMap matched = new IntIntHashMap(docByPeer);
        com.carrotsearch.hppc.IntObjectHashMap<long[]> orderByPeer = new com.carrotsearch.hppc.IntObjectHashMap<>();
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
                        // the order prefixes, and whether the file matches: unknown (-1) until a second file asks
                        long[] order = {FileRecord.orderHigh(record), FileRecord.orderLow(record), -1};
                        long[] chosen = orderByPeer.get(peer);
                        if (chosen == null || better(order, base + doc, chosen, docByPeer.get(peer), leaves)) {
                            docByPeer.put(peer, base + doc);
                            orderByPeer.put(peer, order);
                        }
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                });
    }
}
