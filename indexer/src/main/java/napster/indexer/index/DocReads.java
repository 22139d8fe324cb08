package napster.indexer.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * What a reply shows of some files (name, size, when shared, SHA-256), read from doc values
 * for a set of documents in one pass per segment in doc order, as doc values want to be read.
 */
final class DocReads {
    final String[] names;
    final long[] sizes;
    final long[] sharedAt;
    final String[] sha256;

    private DocReads(int count) {
        names = new String[count];
        sizes = new long[count];
        sharedAt = new long[count];
        sha256 = new String[count];
    }

    /** Reads the files of global doc ids {@code docs}; the arrays follow their order. */
    static DocReads of(List<LeafReaderContext> leaves, int[] docs, int count) throws IOException {
        return read(leaves, docs, count, true);
    }

    /** The names of the files of global doc ids {@code docs}, in their order (a reply's holders: the rest is known). */
    static String[] names(List<LeafReaderContext> leaves, int[] docs, int count) throws IOException {
        return read(leaves, docs, count, false).names;
    }

    private static DocReads read(List<LeafReaderContext> leaves, int[] docs, int count, boolean records)
            throws IOException {
        DocReads reads = new DocReads(count);
        // positions sorted by doc id: each packed under its doc id in one long
        long[] packed = new long[count];
        for (int at = 0; at < count; at++) {
            packed[at] = (long) docs[at] << 32 | at;
        }
        Arrays.sort(packed);
        int[] byDoc = new int[count];
        for (int i = 0; i < count; i++) {
            byDoc[i] = (int) packed[i];
        }
        LeafReaderContext leaf = null;
        BinaryDocValues names = null;
        BinaryDocValues recordValues = null;
        for (int i = 0; i < count; i++) {
            int at = byDoc[i];
            int doc = docs[at];
            if (i > 0 && docs[byDoc[i - 1]] == doc) { // the same file twice: copy what was read
                reads.copy(byDoc[i - 1], at);
                continue;
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                LeafReader reader = leaf.reader();
                names = DocValues.getBinary(reader, FileFields.NAME);
                recordValues = records ? DocValues.getBinary(reader, FileFields.RECORD) : null;
            }
            int inLeaf = doc - leaf.docBase;
            if (names.advanceExact(inLeaf)) {
                BytesRef name = names.binaryValue();
                reads.names[at] = new String(name.bytes, name.offset, name.length, StandardCharsets.UTF_8);
            }
            if (recordValues != null && recordValues.advanceExact(inLeaf)) {
                BytesRef record = recordValues.binaryValue();
                reads.sha256[at] = FileFields.sha256Hex(FileRecord.sha(record));
                reads.sizes[at] = FileRecord.size(record);
                reads.sharedAt[at] = FileRecord.sharedAt(record);
            }
        }
        return reads;
    }

    private void copy(int from, int to) {
        names[to] = names[from];
        sizes[to] = sizes[from];
        sharedAt[to] = sharedAt[from];
        sha256[to] = sha256[from];
    }

    /** The {@link NameOrder} key of one file, read on its own (rarely needed: most files differ in 16 bytes). */
    static BytesRef orderKey(List<LeafReaderContext> leaves, int doc) throws IOException {
        DocReads read = of(leaves, new int[] {doc}, 1);
        return NameOrder.key(read.names[0], read.sha256[0]);
    }
}
