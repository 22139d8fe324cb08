package napster.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * One browse page: of a peer's files, the first {@code size} in {@link NameOrder} after the
 * file named by {@code after} (null: from the first). Every file of the peer is looked at once
 * (its record); only files alike in their first 16 order bytes are read in full.
 */
final class BrowsePage extends SimpleCollector {
    private record Entry(int doc, long high, long low, BytesRef[] key) {
    }

    private final BytesRef after;
    private final long afterHigh;
    private final long afterLow;
    private final int size;
    private final List<LeafReaderContext> leaves;
    private final PriorityQueue<Entry> lastFirst;
    private BinaryDocValues records;
    private int base;

    BrowsePage(BytesRef after, int size, List<LeafReaderContext> leaves) {
        this.after = after;
        this.afterHigh = after == null ? 0 : NameOrder.high(after);
        this.afterLow = after == null ? 0 : NameOrder.low(after);
        this.size = size;
        this.leaves = leaves;
        this.lastFirst = new PriorityQueue<>(Math.min(size, 1024) + 1, (a, b) -> compare(b, a));
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
        records = DocValues.getBinary(leaf.reader(), FileFields.RECORD);
        base = leaf.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!records.advanceExact(doc)) {
            return;
        }
        BytesRef record = records.binaryValue();
        Entry entry = new Entry(base + doc, FileRecord.orderHigh(record), FileRecord.orderLow(record), new BytesRef[1]);
        if (after != null) {
            int order = NameOrder.comparePrefixes(entry.high, entry.low, afterHigh, afterLow);
            if (order < 0 || order == 0 && key(entry).compareTo(after) <= 0) {
                return; // on an earlier page
            }
        }
        if (lastFirst.size() < size) {
            lastFirst.add(entry);
        } else if (compare(entry, lastFirst.peek()) < 0) {
            lastFirst.poll();
            lastFirst.add(entry);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The page's files (global doc ids) in name order. */
    int[] docsInOrder() {
        Entry[] entries = lastFirst.toArray(Entry[]::new);
        Arrays.sort(entries, this::compare);
        return Arrays.stream(entries).mapToInt(Entry::doc).toArray();
    }

    private int compare(Entry a, Entry b) {
        int order = NameOrder.comparePrefixes(a.high, a.low, b.high, b.low);
        return order != 0 ? order : key(a).compareTo(key(b));
    }

    private BytesRef key(Entry entry) {
        if (entry.key[0] == null) {
            try {
                entry.key[0] = DocReads.orderKey(leaves, entry.doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entry.key[0];
    }
}
