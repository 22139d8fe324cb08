package napster.peer.share;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import napster.common.transfer.ChunkHashes;

/**
 * Feeds a file's bytes, in order, to the file's SHA-256 and, from the second chunk on, to the
 * SHA-256 of the chunk they fall in: one read pass gives both. A file of at most one chunk is
 * hashed once, as before chunk hashes existed. Not thread-safe.
 */
final class ContentDigest {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;

    private final MessageDigest whole = FileHasher.newDigest();
    private final ByteArrayOutputStream chunkHashes = new ByteArrayOutputStream();
    private MessageDigest chunk; // null while still in the first chunk
    private long position;

    void update(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int inChunk = (int) (position % CHUNK);
            if (inChunk == 0 && position > 0) {
                endChunk(); // a byte past a chunk boundary: the chunk before it is complete
            }
            int count = Math.min(length, CHUNK - inChunk);
            whole.update(bytes, offset, count);
            if (chunk != null) {
                chunk.update(bytes, offset, count);
            }
            position += count;
            offset += count;
            length -= count;
        }
    }

    FileHashes finish() {
        String sha256 = FileHasher.hex(whole);
        if (chunk == null) {
            return new FileHashes(position, sha256, null);
        }
        chunkHashes.writeBytes(chunk.digest()); // the last chunk: never empty, else it would not have begun
        return new FileHashes(position, sha256, ChunkHashes.of(position, CHUNK, chunkHashes.toByteArray()));
    }

    private void endChunk() {
        if (chunk == null) {
            // The first chunk's hash is the hash of the file so far: a copy of the file digest gives it without rehashing.
            chunkHashes.writeBytes(copy(whole).digest());
            chunk = FileHasher.newDigest();
        } else {
            chunkHashes.writeBytes(chunk.digest()); // digest() also resets it for the next chunk
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest of this runtime cannot be copied", e);
        }
    }
}
