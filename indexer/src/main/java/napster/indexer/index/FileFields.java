package napster.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import napster.common.protocol.SharedFile;
import napster.common.query.WordSplitter;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The one Lucene document per peer and shared file: which fields it has and what each is
 * for. Nothing is stored: what a reply shows is read from doc values, which stay on disk
 * (memory-mapped) instead of the heap.
 */
final class FileFields {
    /** The holder's peer id, a term (4 bytes): what drops a peer's files or lists them for browsing. */
    static final String PEER = "peer";
    /** The {@link FileKey}: with the peer, what drops one file of one peer. */
    static final String KEY = "key";
    /** The name's folded words, with positions for phrases. */
    static final String WORDS = "words";
    /** The folded extension (the last word after the last dot), when the name has one. */
    static final String EXT = "ext";
    /**
     * The content's SHA-256, all 32 bytes, a term to search by. Not a prefix of it: peers claim
     * the hashes they share, so one could share thousands of made-up contents alike in a prefix
     * and make a search by hash read them all, or stop at its budget before the real one.
     */
    static final String SHA = "sha";
    /** The name as shared, UTF-8. */
    static final String NAME = "name";
    /** The {@link FileRecord}: what a search reads of every file it matches, in one doc value. */
    static final String RECORD = "record";

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

    /** The document of a file; {@code tokens} carries its words (one stream, reused file after file). */
    static Document document(int peerId, SharedFile file, long fileKey, Instant sharedAt, WordTokens tokens) {
        String name = file.name();
        String folded = WordSplitter.fold(name);
        byte[] sha = sha256Bytes(file.sha256());
        BytesRef order = NameOrder.key(folded, name, sha);
        Document doc = new Document();
        doc.add(new StringField(PEER, peerTerm(peerId), Field.Store.NO));
        doc.add(new NumericDocValuesField(KEY, fileKey));
        doc.add(new Field(WORDS, tokens.of(WordSplitter.wordsOfFolded(folded)), WORDS_TYPE));
        String ext = extension(folded);
        if (ext != null) {
            doc.add(new StringField(EXT, ext, Field.Store.NO));
        }
        doc.add(new StringField(SHA, new BytesRef(sha), Field.Store.NO));
        doc.add(new BinaryDocValuesField(NAME, new BytesRef(name.getBytes(StandardCharsets.UTF_8))));
        doc.add(new BinaryDocValuesField(RECORD, FileRecord.of(sha, peerId, NameOrder.high(order),
                NameOrder.low(order), exactHash(folded), file.size(), nanos(sharedAt))));
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

    /** The hash a file named exactly as typed has in its {@link FileRecord}: of its folded name. */
    static long exactHash(String folded) {
        return FileKey.of(folded, "");
    }

    static BytesRef peerTerm(int peerId) {
        byte[] bytes = new byte[4];
        putInt(bytes, 0, peerId);
        return new BytesRef(bytes);
    }

    static Term peer(int peerId) {
        return new Term(PEER, peerTerm(peerId));
    }

    /** The files of a peer with these {@link FileKey}s. */
    static Query files(int peerId, long[] fileKeys) {
        return new BooleanQuery.Builder().add(new TermQuery(peer(peerId)), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowSetQuery(KEY, fileKeys), BooleanClause.Occur.FILTER).build();
    }

    /** The term of the content with this SHA-256. */
    static Term sha(byte[] sha) {
        return new Term(SHA, new BytesRef(sha));
    }

    static byte[] sha256Bytes(String sha256) {
        return HEX.parseHex(sha256);
    }

    static String sha256Hex(BytesRef sha) {
        return HEX.formatHex(sha.bytes, sha.offset, sha.offset + sha.length);
    }

    /** A SHA-256 held as four big-endian longs ({@link FileRecord#sha(BytesRef, int)}), in lower-case hex. */
    static String sha256Hex(long w0, long w1, long w2, long w3) {
        return HEX.toHexDigits(w0) + HEX.toHexDigits(w1) + HEX.toHexDigits(w2) + HEX.toHexDigits(w3);
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
