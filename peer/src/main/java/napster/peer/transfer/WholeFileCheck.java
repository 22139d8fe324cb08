package napster.peer.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import napster.common.transfer.ChunkHashes;
import napster.peer.share.FileHasher;

/**
 * The SHA-256 of the whole partial file, computed chunk by chunk in order while the download
 * runs (each chunk as soon as it is there), so that little is left to hash when the last chunk
 * arrives. The chunk hashes come from holders; only this check proves the file. Also checks
 * chunks a resumed download found on disk. One thread uses it.
 */
final class WholeFileCheck {
    private static final int BUFFER_BYTES = 1 << 20;

    private final ChunkHashes hashes;
    private final MessageDigest chunkDigest = FileHasher.newDigest();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private MessageDigest whole = FileHasher.newDigest();
    private int nextChunk;

    WholeFileCheck(ChunkHashes hashes) {
        this.hashes = hashes;
    }

    /** The first chunk not yet hashed into the whole. */
    int nextChunk() {
        return nextChunk;
    }

    boolean complete() {
        return nextChunk == hashes.count();
    }

    /** Hashes the next chunk (verified when it arrived) into the whole. */
    void absorbNext(ChunkSink file) throws IOException {
        read(file, nextChunk, whole, null);
        nextChunk++;
    }

    /**
     * For a chunk found on disk at resume: the next chunk is checked against its chunk hash and,
     * if it holds, hashed into the whole; false (and nothing absorbed) if it does not.
     */
    boolean absorbNextIfIntact(ChunkSink file) throws IOException {
        MessageDigest before = copy(whole);
        chunkDigest.reset();
        read(file, nextChunk, whole, chunkDigest);
        if (!hashes.matches(nextChunk, chunkDigest.digest())) {
            whole = before;
            return false;
        }
        nextChunk++;
        return true;
    }

    /** Whether a chunk found on disk at resume (past the in-order point) holds what its hash says. */
    boolean intact(ChunkSink file, int chunk) throws IOException {
        chunkDigest.reset();
        read(file, chunk, chunkDigest, null);
        return hashes.matches(chunk, chunkDigest.digest());
    }

    /** Whether the whole content hashed to {@code sha256}; call once every chunk is absorbed. */
    boolean matches(String sha256) {
        return FileHasher.hex(copy(whole)).equals(sha256);
    }

    private void read(ChunkSink file, int chunk, MessageDigest first, MessageDigest second) throws IOException {
        long position = hashes.offset(chunk);
        long end = position + hashes.length(chunk);
        while (position < end) {
            buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
            int read = file.read(buffer, position);
            if (read < 0) {
                throw new IOException("the partial file ends inside chunk " + chunk);
            }
            buffer.flip();
            if (second != null) {
                second.update(buffer.duplicate());
            }
            first.update(buffer);
            position += read;
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }
}
