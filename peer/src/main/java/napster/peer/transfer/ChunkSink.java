package napster.peer.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import napster.common.transfer.ChunkHashes;

/**
 * The partial file that the holders' chunks are written into, each at its own offset, and the
 * progress record that says which chunks arrived verified. Counts what crossed the network.
 * Thread-safe: every worker writes through it.
 */
final class ChunkSink {
    private final FileChannel file;
    private final Path recordFile;
    private final String sha256;
    private final ChunkHashes hashes;
    private final BitSet verified;
    private final AtomicLong transferred = new AtomicLong();
    private final AtomicLong verifiedBytes = new AtomicLong();
    private final DownloadProgress progress;
    private final AtomicLong holdersInUse = new AtomicLong();
    /** A quarter of a second: often enough that a crash loses little, rare enough to cost nothing. */
    static final long RECORD_EVERY_NANOS = 250_000_000L;
    private long recordedAt = System.nanoTime() - RECORD_EVERY_NANOS; // guarded by verified

    ChunkSink(FileChannel file, Path recordFile, String sha256, ChunkHashes hashes, BitSet alreadyVerified,
              DownloadProgress progress) {
        this.file = file;
        this.recordFile = recordFile;
        this.sha256 = sha256;
        this.hashes = hashes;
        this.verified = (BitSet) alreadyVerified.clone();
        this.progress = progress;
        for (int chunk = verified.nextSetBit(0); chunk >= 0; chunk = verified.nextSetBit(chunk + 1)) {
            verifiedBytes.addAndGet(hashes.length(chunk));
        }
    }

    /** Counts bytes that arrived from a holder, good or bad. */
    void received(long bytes) {
        transferred.addAndGet(bytes);
    }

    /** Writes a verified chunk's bytes at {@code position} of the partial file. */
    void write(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += file.write(bytes, at);
        }
    }

    /**
     * Records a chunk as verified, so that a later run need not fetch it again. The record file
     * is rewritten at most every {@link #RECORD_EVERY_NANOS} (a crash loses at most that much
     * progress) and by {@link #saveRecord} when the run ends.
     */
    void verified(int chunk) throws IOException {
        long done = verifiedBytes.addAndGet(hashes.length(chunk));
        synchronized (verified) {
            verified.set(chunk);
            if (System.nanoTime() - recordedAt >= RECORD_EVERY_NANOS) {
                saveRecord();
            }
        }
        progress.update(done, (int) holdersInUse.get());
    }

    /** Writes the progress record as it stands now. */
    void saveRecord() throws IOException {
        synchronized (verified) {
            new ProgressRecord(sha256, hashes.size(), hashes, verified).write(recordFile);
            recordedAt = System.nanoTime();
        }
    }

    /** Tells the progress listener where the download starts (what a resumed one already has). */
    void start() {
        progress.update(verifiedBytes.get(), 0);
    }

    void holderStarted() {
        holdersInUse.incrementAndGet();
    }

    void holderStopped() {
        holdersInUse.decrementAndGet();
        progress.update(verifiedBytes.get(), (int) holdersInUse.get());
    }

    /** Reads back bytes of the partial file (for the whole-file check). */
    int read(ByteBuffer into, long position) throws IOException {
        return file.read(into, position);
    }

    /** Bytes received from holders in this run, whether or not they proved good. */
    long transferred() {
        return transferred.get();
    }

    long verifiedBytes() {
        return verifiedBytes.get();
    }
}
