package napster.peer.share;

import java.util.Objects;
import napster.common.protocol.Fields;
import napster.common.transfer.ChunkHashes;

/**
 * A file's SHA-256 and the SHA-256 of each of its {@link ChunkHashes#DEFAULT_CHUNK_SIZE} chunks.
 * Chunk hashes are held only for a file of more than one chunk: for a smaller one the file hash
 * is its only chunk hash, derived on demand, so the many small files of a share cost nothing extra.
 */
public record FileHashes(long size, String sha256, ChunkHashes chunkHashes) {
    /** {@code chunkHashes} may be null for a file of at most one chunk and is required for a larger one. */
    public FileHashes {
        Fields.nonNegative("size", size);
        Fields.sha256("sha256", sha256);
        chunkHashes = multiChunk(size, sha256, chunkHashes);
    }

    /** The chunk hashes; for a file of at most one chunk, made now from the file hash. */
    @Override
    public ChunkHashes chunkHashes() {
        return chunkHashes != null ? chunkHashes : ChunkHashes.single(size, sha256);
    }

    /** The chunk hashes as held: null for a file of at most one chunk. */
    ChunkHashes held() {
        return chunkHashes;
    }

    /** Whether a file of {@code size} bytes has chunk hashes of its own (more than one chunk). */
    static boolean isMultiChunk(long size) {
        return size > ChunkHashes.DEFAULT_CHUNK_SIZE;
    }

    /**
     * Checks {@code chunks} against the file and gives what to hold: null for a file of at most one
     * chunk (whose only chunk hash must then be the file hash), else chunk hashes of the default size.
     */
    static ChunkHashes multiChunk(long size, String sha256, ChunkHashes chunks) {
        if (!isMultiChunk(size)) {
            if (chunks != null && !chunks.equals(ChunkHashes.single(size, sha256))) {
                throw new IllegalArgumentException("the only chunk hash of a " + size + "-byte file is its SHA-256");
            }
            return null;
        }
        Objects.requireNonNull(chunks, "chunk hashes are required for a file of more than one chunk");
        if (chunks.size() != size || chunks.chunkSize() != ChunkHashes.DEFAULT_CHUNK_SIZE) {
            throw new IllegalArgumentException(chunks + " do not fit a " + size + "-byte file in chunks of "
                    + ChunkHashes.DEFAULT_CHUNK_SIZE + " bytes");
        }
        return chunks;
    }
}
