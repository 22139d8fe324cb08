package napster.peer.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.BitSet;
import java.util.Optional;
import napster.common.protocol.Fields;
import napster.common.protocol.ProtocolCodec;
import napster.common.transfer.ChunkHashes;

/**
 * What a partial download already holds, kept in a small JSON file beside the partial file so
 * that {@code get} can resume: the content (SHA-256, size), its chunk hashes and which chunks
 * arrived verified. Only verified chunks are recorded, and a resume checks them again.
 * <p>Layout: {@code {"sha256":…,"size":…,"chunkSize":…,"chunkHashes":"<base64>","done":"<base64 bit set>"}}.
 */
record ProgressRecord(String sha256, long size, ChunkHashes hashes, BitSet done) {
    private static final ObjectMapper JSON = ProtocolCodec.newMapper();

    /** The JSON form. */
    record Stored(String sha256, long size, int chunkSize, String chunkHashes, String done) {
    }

    ProgressRecord {
        Fields.sha256("sha256", sha256);
        if (hashes.size() != size) {
            throw new IllegalArgumentException("the chunk hashes describe " + hashes.size() + " bytes, not " + size);
        }
        done = (BitSet) done.clone();
        if (done.length() > hashes.count()) {
            throw new IllegalArgumentException("chunk " + (done.length() - 1) + " is past the last chunk");
        }
    }

    /** Where the record of {@code partial} lives. */
    static Path beside(Path partial) {
        return partial.resolveSibling(partial.getFileName() + ".progress");
    }

    /** The record in {@code file}, or empty when there is none or it cannot be read (then the download starts afresh). */
    static Optional<ProgressRecord> read(Path file) {
        try {
            Stored stored = JSON.readValue(Files.readAllBytes(file), Stored.class);
            ChunkHashes hashes = ChunkHashes.of(stored.size(), stored.chunkSize(),
                    Base64.getDecoder().decode(stored.chunkHashes()));
            BitSet done = BitSet.valueOf(Base64.getDecoder().decode(stored.done()));
            return Optional.of(new ProgressRecord(stored.sha256(), stored.size(), hashes, done));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the record whole or not at all: a temporary file moved over the old one. If that
     * fails (a full disk), the temporary file is removed and the old record stays as it was.
     */
    void write(Path file) throws IOException {
        Stored stored = new Stored(sha256, size, hashes.chunkSize(), Base64.getEncoder().encodeToString(hashes.bytes()),
                Base64.getEncoder().encodeToString(done.toByteArray()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temporary, JSON.writeValueAsBytes(stored));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The bytes of the recorded chunks that lie wholly within a partial file of {@code partialSize} bytes. */
    long bytesWithin(long partialSize) {
        long bytes = 0;
        for (int chunk = done.nextSetBit(0); chunk >= 0; chunk = done.nextSetBit(chunk + 1)) {
            if (within(chunk, partialSize)) {
                bytes += hashes.length(chunk);
            }
        }
        return bytes;
    }

    /** Whether {@code chunk} lies wholly within a partial file of {@code partialSize} bytes (else it cannot be there). */
    boolean within(int chunk, long partialSize) {
        return hashes.offset(chunk) + hashes.length(chunk) <= partialSize;
    }

    @Override
    public BitSet done() {
        return (BitSet) done.clone();
    }

    /** Whether this record belongs to the same content cut into the same chunks. */
    boolean describes(String sha256, ChunkHashes hashes) {
        return this.sha256.equals(sha256) && this.hashes.equals(hashes);
    }
}
