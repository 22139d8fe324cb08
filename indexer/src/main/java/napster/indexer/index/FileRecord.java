package napster.indexer.index;

import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * What a search reads of each file it matches, as one fixed-length doc value of
 * {@value #BYTES} bytes: the SHA-256, the peer, the first 16 bytes of the {@link NameOrder}
 * key, a hash of the folded name ({@link FileFields#exactHash}), the size and when it was shared. One place on disk
 * per file: a search over a million files is bound by memory reads, and one read of a few
 * adjacent cache lines costs a sixth of six reads in six columns (BENCHMARKS.md).
 */
final class FileRecord {
    static final int BYTES = 76;
    private static final int SHA = 0;
    private static final int PEER = 32;
    private static final int ORDER_HIGH = 36;
    private static final int ORDER_LOW = 44;
    private static final int EXACT = 52;
    private static final int SIZE = 60;
    private static final int SHARED_AT = 68;

    private FileRecord() {
    }

    static BytesRef of(byte[] sha, int peerId, long orderHigh, long orderLow, long exact, long size, long sharedAt) {
        byte[] record = new byte[BYTES];
        System.arraycopy(sha, 0, record, SHA, 32);
        BitUtil.VH_BE_INT.set(record, PEER, peerId);
        BitUtil.VH_BE_LONG.set(record, ORDER_HIGH, orderHigh);
        BitUtil.VH_BE_LONG.set(record, ORDER_LOW, orderLow);
        BitUtil.VH_BE_LONG.set(record, EXACT, exact);
        BitUtil.VH_BE_LONG.set(record, SIZE, size);
        BitUtil.VH_BE_LONG.set(record, SHARED_AT, sharedAt);
        return new BytesRef(record);
    }

    /** Word {@code i} (0 to 3) of the SHA-256, most significant first. */
    static long sha(BytesRef record, int i) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + SHA + 8 * i);
    }

    static BytesRef sha(BytesRef record) {
        return new BytesRef(record.bytes, record.offset + SHA, 32);
    }

    static int peer(BytesRef record) {
        return (int) BitUtil.VH_BE_INT.get(record.bytes, record.offset + PEER);
    }

    static long orderHigh(BytesRef record) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + ORDER_HIGH);
    }

    static long orderLow(BytesRef record) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + ORDER_LOW);
    }

    static long exact(BytesRef record) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + EXACT);
    }

    static long size(BytesRef record) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + SIZE);
    }

    static long sharedAt(BytesRef record) {
        return (long) BitUtil.VH_BE_LONG.get(record.bytes, record.offset + SHARED_AT);
    }
}
