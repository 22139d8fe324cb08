package napster.indexer.index;

import java.nio.charset.StandardCharsets;
import napster.common.query.WordSplitter;
import org.apache.lucene.util.BytesRef;

/**
 * The order of files by name, for results that rank alike and for browsing a peer: by the
 * name with case and accents folded, then as shared, then by SHA-256, so that no two files
 * of one peer tie. The key is those three as bytes, with a zero byte between (names hold no
 * control characters), compared as unsigned bytes.
 */
final class NameOrder {
    private NameOrder() {
    }

    static BytesRef key(String name, String sha256) {
        return key(WordSplitter.fold(name), name, FileFields.sha256Bytes(sha256));
    }

    static BytesRef key(String folded, String name, byte[] sha) {
        byte[] first = folded.getBytes(StandardCharsets.UTF_8);
        byte[] second = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[first.length + 1 + second.length + 1 + sha.length];
        System.arraycopy(first, 0, key, 0, first.length);
        System.arraycopy(second, 0, key, first.length + 1, second.length);
        System.arraycopy(sha, 0, key, first.length + second.length + 2, sha.length);
        return new BytesRef(key);
    }

    /** The key's bytes 0 to 7 as an unsigned long (zero-padded). */
    static long high(BytesRef key) {
        return bytes(key, 0);
    }

    /** The key's bytes 8 to 15 as an unsigned long (zero-padded): with {@link #high}, the order of most pairs. */
    static long low(BytesRef key) {
        return bytes(key, 8);
    }

    /** Compares keys by their 16-byte prefixes: 0 when those are alike and only the whole keys tell. */
    static int comparePrefixes(long high, long low, long otherHigh, long otherLow) {
        int order = Long.compareUnsigned(high, otherHigh);
        return order != 0 ? order : Long.compareUnsigned(low, otherLow);
    }

    private static long bytes(BytesRef key, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (i < key.length ? key.bytes[key.offset + i] & 0xFF : 0);
        }
        return value;
    }
}
