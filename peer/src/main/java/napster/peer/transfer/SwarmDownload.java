package napster.peer.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import napster.common.protocol.FileHit;
import napster.common.transfer.ChunkHashes;

/**
 * One attempt to assemble a content from a group of holders that agree on its chunk hashes:
 * resumes what an earlier run left (checking it again), lets every holder fetch chunks in
 * parallel, hashes the whole file in order as chunks land, and leaves the partial file and its
 * progress record behind if the holders run out before the file is whole.
 */
final class SwarmDownload {
    /** The holders' chunk hashes do not add up to the content's SHA-256: they lied. */
    static final class WrongChunkHashes extends Exception {
        WrongChunkHashes() {
            super(null, null, false, false);
        }
    }

    private final FileHit hit;
    private final ChunkHashes hashes;
    private final Path partial;
    private final TokenBucket bucket;
    private final Consumer<String> log;
    private final Dropouts dropouts;
    private final DownloadProgress progress;
    private final List<HolderWorker> workers = new ArrayList<>();
    private long resumedBytes;

    SwarmDownload(FileHit hit, ChunkHashes hashes, Path partial, TokenBucket bucket, Consumer<String> log,
                  Dropouts dropouts, DownloadProgress progress) {
        this.hit = hit;
        this.hashes = hashes;
        this.partial = partial;
        this.bucket = bucket;
        this.log = log;
        this.dropouts = dropouts;
        this.progress = progress;
    }

    /**
     * Runs the download over the given open connections (best first; each is closed by the end),
     * dialing a holder again through {@code dialer} when it closed an idle connection. Returns
     * normally once the partial file holds the whole, verified content.
     */
    void run(List<HolderConnection> connections, HolderLink.Dialer dialer, String threadPrefix)
            throws WrongChunkHashes, IncompleteDownload, IOException, InterruptedException {
        Path recordFile = ProgressRecord.beside(partial);
        Optional<ProgressRecord> record = ProgressRecord.read(recordFile)
                .filter(r -> r.describes(hit.sha256(), hashes) && Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS));
        if (record.isEmpty()) {
            Files.deleteIfExists(recordFile);
        }
        try (FileChannel file = FileChannel.open(partial, record.isPresent()
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING})) {
            WholeFileCheck check = new WholeFileCheck(hashes);
            BitSet done = new BitSet();
            ChunkSink probe = new ChunkSink(file, recordFile, hit.sha256(), hashes, done, DownloadProgress.NONE);
            if (record.isPresent()) {
                done = resume(record.get(), file.size(), probe, check);
            }
            ChunkSink sink = new ChunkSink(file, recordFile, hit.sha256(), hashes, done, progress);
            sink.start();
            long[] lengths = new long[hashes.count()];
            for (int chunk = 0; chunk < lengths.length; chunk++) {
                lengths[chunk] = hashes.length(chunk);
            }
            ChunkScheduler scheduler = new ChunkScheduler(lengths, done);
            start(connections, dialer, scheduler, sink, done, threadPrefix);
            try {
                while (!check.complete() && scheduler.awaitDone(check.nextChunk())) {
                    check.absorbNext(sink);
                }
            } finally {
                for (HolderWorker worker : workers) {
                    worker.stop(); // ends workers still in the end game, or all of them when this run gives up
                }
                joinWorkers();
                transferred = sink.transferred();
                if (!check.complete()) {
                    saveForLater(sink);
                }
            }
            for (HolderWorker worker : workers) {
                if (worker.localFailure() != null) {
                    throw worker.localFailure();
                }
            }
            if (!check.complete()) {
                throw new IncompleteDownload(transferred);
            }
            if (!check.matches(hit.sha256())) {
                file.close();
                Files.deleteIfExists(recordFile);
                Files.deleteIfExists(partial);
                throw new WrongChunkHashes();
            }
            file.force(true);
        }
        Files.deleteIfExists(recordFile);
    }

    /*
     * What this run got stays for the next one. If even the record cannot be written (a full disk),
     * the previous record stays as it was: it claims only chunks written before it, so it is still
     * true, and the reason this run stopped is what the user needs to hear.
     */
    private static void saveForLater(ChunkSink sink) {
        try {
            sink.saveRecord();
        } catch (IOException e) {
            // the earlier record stands; ProgressRecord.write left no temporary file behind
        }
    }

    private long transferred;

    /* Checks the chunks a previous run recorded as done; what no longer holds is fetched again. */
    private BitSet resume(ProgressRecord record, long partialSize, ChunkSink file, WholeFileCheck check)
            throws IOException {
        BitSet done = new BitSet();
        BitSet recorded = record.done();
        for (int chunk = recorded.nextSetBit(0); chunk >= 0; chunk = recorded.nextSetBit(chunk + 1)) {
            if (!record.within(chunk, partialSize)) {
                continue;
            }
            boolean intact = chunk == check.nextChunk() ? check.absorbNextIfIntact(file) : check.intact(file, chunk);
            if (intact) {
                done.set(chunk);
                resumedBytes += hashes.length(chunk);
            }
        }
        if (!done.isEmpty()) {
            log.accept("Resuming: " + done.cardinality() + " of " + hashes.count() + " chunks (" + resumedBytes
                    + " bytes) are already here and intact.");
        }
        return done;
    }

    private void start(List<HolderConnection> connections, HolderLink.Dialer dialer, ChunkScheduler scheduler,
                       ChunkSink sink, BitSet done, String threadPrefix) {
        int missing = hashes.count() - done.cardinality();
        int useful = Math.max(0, Math.min(connections.size(), missing));
        for (int i = 0; i < connections.size(); i++) {
            HolderConnection connection = connections.get(i);
            if (i >= useful) {
                connection.close();
                continue;
            }
            workers.add(new HolderWorker(i, new HolderLink(connection, dialer), hit.sha256(), hashes, scheduler, sink, bucket,
                    dropouts::stopped));
            scheduler.join(); // all join before any asks, so the scheduler knows how many share the chunks
        }
        for (HolderWorker worker : workers) {
            Thread thread = new Thread(worker, threadPrefix + "-peer-" + worker.holder().peerId());
            thread.setDaemon(true);
            worker.thread(thread);
            thread.start();
        }
    }

    private void joinWorkers() throws InterruptedException {
        for (HolderWorker worker : workers) {
            worker.join();
        }
    }

    List<HolderWorker> workers() {
        return workers;
    }

    long transferred() {
        return transferred;
    }

    long resumedBytes() {
        return resumedBytes;
    }

    /** The holders ran out before every chunk arrived; the partial file and its record stay for a later run. */
    static final class IncompleteDownload extends Exception {
        private final long transferred;

        IncompleteDownload(long transferred) {
            super(null, null, false, false);
            this.transferred = transferred;
        }

        long transferred() {
            return transferred;
        }
    }

    static boolean interrupted(IOException e) {
        return e instanceof InterruptedIOException || Thread.currentThread().isInterrupted();
    }
}
