package napster.common.transfer;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of each fixed-size chunk of a content (the last chunk may be shorter; an empty
 * content has no chunks), so a downloader can check every chunk as it arrives. On the wire (the
 * {@code info} op) they are {@link #HASH_BYTES} raw bytes per chunk, in chunk order. Immutable.
 */
public final class ChunkHashes {
    /** 4 MiB: a 1 GiB file has 256 chunks, 8 KiB of hashes. */
    public static final int DEFAULT_CHUNK_SIZE = 4 << 20;
    public static final int HASH_BYTES = 32;
    /** Refuses chunk sizes that would make a tiny file huge on the wire or a huge one unwieldy. */
    public static final int MIN_CHUNK_SIZE = 64 << 10;
    public static final int MAX_CHUNK_SIZE = 64 << 20;

    private final long size;
    private final int chunkSize;
    private final byte[] hashes;

    private ChunkHashes(long size, int chunkSize, byte[] hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSize must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE);
        }
        long count = countFor(size, chunkSize);
        if (hashes.length != count * HASH_BYTES) {
            throw new IllegalArgumentException(size + " bytes in chunks of " + chunkSize + " need " + count
                    + " chunk hashes (" + count * HASH_BYTES + " bytes), not " + hashes.length + " bytes");
        }
        this.size = size;
        this.chunkSize = chunkSize;
        this.hashes = hashes;
    }

    /** From the raw hashes as the {@code info} op sends them; refuses a count that does not fit the size. */
    public static ChunkHashes of(long size, int chunkSize, byte[] hashes) {
        return new ChunkHashes(size, chunkSize, hashes.clone());
    }

    /** A content of at most one chunk: its only chunk hash is the whole content's SHA-256. */
    public static ChunkHashes single(long size, String sha256) {
        if (size > DEFAULT_CHUNK_SIZE) {
            throw new IllegalArgumentException(size + " bytes are more than one chunk");
        }
        return new ChunkHashes(size, DEFAULT_CHUNK_SIZE, size == 0 ? new byte[0] : HexFormat.of().parseHex(sha256));
    }

    /** How many chunks {@code size} bytes make. */
    public static long countFor(long size, int chunkSize) {
        return (size + chunkSize - 1) / chunkSize;
    }

    public long size() {
        return size;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int count() {
        return hashes.length / HASH_BYTES;
    }

    public long offset(int chunk) {
        check(chunk);
        return (long) chunk * chunkSize;
    }

    public int length(int chunk) {
        check(chunk);
        return (int) Math.min(chunkSize, size - offset(chunk));
    }

    /** Whether {@code digest} (a finished SHA-256) is the hash of chunk {@code chunk}. */
    public boolean matches(int chunk, byte[] digest) {
        check(chunk);
        return MessageDigest.isEqual(Arrays.copyOfRange(hashes, chunk * HASH_BYTES, (chunk + 1) * HASH_BYTES), digest);
    }

    public String hex(int chunk) {
        check(chunk);
        return HexFormat.of().formatHex(hashes, chunk * HASH_BYTES, (chunk + 1) * HASH_BYTES);
    }

    /** The wire form: the raw hashes in chunk order. */
    public byte[] bytes() {
        return hashes.clone();
    }

    private void check(int chunk) {
        if (chunk < 0 || chunk >= count()) {
            throw new IndexOutOfBoundsException("chunk " + chunk + " of " + count());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkHashes that && size == that.size && chunkSize == that.chunkSize
                && Arrays.equals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "ChunkHashes[" + count() + " chunks of " + chunkSize + " for " + size + " bytes]";
    }
}
