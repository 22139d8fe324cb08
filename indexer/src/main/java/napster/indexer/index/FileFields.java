package napster.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import napster.common.protocol.SharedFile;
import napster.indexer.query.WordSplitter;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The one Lucene document per peer and shared file: which fields it has and what each is
 * for. Nothing is stored: what a reply shows is read from doc values, which stay on disk
 * (memory-mapped) instead of the heap.
 */
final class FileFields {
    /** The holder's peer id: a term (4 bytes) to drop or browse a peer, a doc value to read it. */
    static final String PEER = "peer";
    /** Peer id and {@link FileKey}: the term that drops one file of one peer. */
    static final String KEY = "key";
    /** The name's folded words, with positions for phrases. */
    static final String WORDS = "words";
    /** A 64-bit hash of the whole name folded: a search typed as exactly the name ranks it first. */
    static final String EXACT = "exact";
    /** The folded extension (the last word after the last dot), when the name has one. */
    static final String EXT = "ext";
    /** Bytes: points for ranges, doc values to read and to filter few candidates by. */
    static final String SIZE = "size";
    /** The content's SHA-256 as 32 bytes: a term to search by, a doc value to group by. */
    static final String SHA = "sha";
    /** The name as shared, UTF-8. */
    static final String NAME = "name";
    /** When the peer first shared it, in nanoseconds since the epoch. */
    static final String SHARED_AT = "sharedAt";
    /**
     * The first 16 bytes of the file's {@link NameOrder} key, as two unsigned longs: browse pages
     * and ranking break ties by them, and read the whole key (from the name and SHA-256) only
     * when both are alike.
     */
    static final String ORDER_HIGH = "orderHigh";
    static final String ORDER_LOW = "orderLow";

    private static final FieldType WORDS_TYPE = new FieldType();
    private static final HexFormat HEX = HexFormat.of();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private FileFields() {
    }

    static Document document(int peerId, SharedFile file, long fileKey, Instant sharedAt) {
        String name = file.name();
        String folded = WordSplitter.fold(name);
        byte[] sha = sha256Bytes(file.sha256());
        BytesRef order = NameOrder.key(folded, name, sha);
        Document doc = new Document();
        doc.add(new StringField(PEER, peerTerm(peerId), Field.Store.NO));
        doc.add(new NumericDocValuesField(PEER, peerId));
        doc.add(new StringField(KEY, keyTerm(peerId, fileKey), Field.Store.NO));
        doc.add(new Field(WORDS, new WordTokens(WordSplitter.wordsOfFolded(folded)), WORDS_TYPE));
        doc.add(new StringField(EXACT, exactTerm(folded), Field.Store.NO));
        String ext = extension(folded);
        if (ext != null) {
            doc.add(new StringField(EXT, ext, Field.Store.NO));
        }
        doc.add(new LongPoint(SIZE, file.size()));
        doc.add(new NumericDocValuesField(SIZE, file.size()));
        doc.add(new StringField(SHA, new BytesRef(sha), Field.Store.NO));
        doc.add(new BinaryDocValuesField(SHA, new BytesRef(sha)));
        doc.add(new BinaryDocValuesField(NAME, new BytesRef(name.getBytes(StandardCharsets.UTF_8))));
        doc.add(new NumericDocValuesField(SHARED_AT, nanos(sharedAt)));
        doc.add(new NumericDocValuesField(ORDER_HIGH, NameOrder.high(order)));
        doc.add(new NumericDocValuesField(ORDER_LOW, NameOrder.low(order)));
        return doc;
    }

    /** The extension of a folded name: its last word when that follows the last dot; null if none. */
    static String extension(String folded) {
        int dot = folded.lastIndexOf('.');
        if (dot < 0 || dot == folded.length() - 1) {
            return null;
        }
        List<String> words = WordSplitter.wordsOfFolded(folded.substring(dot + 1));
        return words.size() == 1 && folded.endsWith(words.get(0)) ? words.get(0) : null;
    }

    /** The term a name typed exactly has: 8 bytes of a hash of its folded form (a whole name would bloat the terms). */
    static BytesRef exactTerm(String folded) {
        long hash = FileKey.of(folded, "");
        byte[] bytes = new byte[8];
        putInt(bytes, 0, (int) (hash >>> 32));
        putInt(bytes, 4, (int) hash);
        return new BytesRef(bytes);
    }

    static BytesRef peerTerm(int peerId) {
        byte[] bytes = new byte[4];
        putInt(bytes, 0, peerId);
        return new BytesRef(bytes);
    }

    static Term peer(int peerId) {
        return new Term(PEER, peerTerm(peerId));
    }

    static Term key(int peerId, long fileKey) {
        return new Term(KEY, keyTerm(peerId, fileKey));
    }

    static Term sha(String sha256) {
        return new Term(SHA, new BytesRef(sha256Bytes(sha256)));
    }

    static byte[] sha256Bytes(String sha256) {
        return HEX.parseHex(sha256);
    }

    static String sha256Hex(BytesRef sha) {
        return HEX.formatHex(sha.bytes, sha.offset, sha.offset + sha.length);
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static BytesRef keyTerm(int peerId, long fileKey) {
        byte[] bytes = new byte[12];
        putInt(bytes, 0, peerId);
        putInt(bytes, 4, (int) (fileKey >>> 32));
        putInt(bytes, 8, (int) fileKey);
        return new BytesRef(bytes);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
