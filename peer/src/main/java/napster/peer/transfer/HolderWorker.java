package napster.peer.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.function.Consumer;
import napster.common.protocol.Holder;
import napster.common.transfer.ChunkHashes;
import napster.peer.share.FileHasher;

/**
 * Fetches chunks from one holder over one connection until the scheduler has nothing more for
 * it: keeps {@link #PIPELINE} requests outstanding so the holder never waits for the next
 * request, checks each chunk's SHA-256 as it arrives, and stops at the first thing the holder
 * gets wrong (a connection it closed while idle is dialed again, see {@link HolderLink}), giving
 * its chunks back. The outcome says why it stopped.
 */
final class HolderWorker implements Runnable {
    /** Requests in flight on the connection: one arriving, one queued behind it. */
    static final int PIPELINE = 2;

    /** Why a worker stopped. */
    enum Outcome { FINISHED, FAILED, CORRUPT, ABANDONED }

    private final int id;
    private final HolderLink link;
    private final String sha256;
    private final ChunkHashes hashes;
    private final ChunkScheduler scheduler;
    private final ChunkSink sink;
    private final TokenBucket bucket;
    private final MessageDigest digest = FileHasher.newDigest();
    private ByteBuffer chunkBuffer;
    private volatile Outcome outcome;
    private volatile String reason;
    private volatile int chunksDelivered;
    private volatile IOException localFailure;
    private final Consumer<HolderWorker> onStop;
    private volatile Thread thread;
    private final Object writeLock = new Object();
    private boolean writing;
    private volatile boolean stopRequested;

    HolderWorker(int id, HolderLink link, String sha256, ChunkHashes hashes, ChunkScheduler scheduler,
                 ChunkSink sink, TokenBucket bucket, Consumer<HolderWorker> onStop) {
        this.id = id;
        this.link = link;
        this.sha256 = sha256;
        this.hashes = hashes;
        this.scheduler = scheduler;
        this.sink = sink;
        this.bucket = bucket;
        this.onStop = onStop;
    }

    /** The thread running this worker, so {@link #stop} can interrupt it. */
    void thread(Thread thread) {
        this.thread = thread;
    }

    /**
     * Asks the worker to stop now: it is interrupted wherever it waits on the network and gives
     * its chunks back. Never while it writes: an interrupt would close the shared partial file.
     */
    void stop() {
        synchronized (writeLock) {
            stopRequested = true;
            Thread running = thread;
            if (running != null && !writing) {
                running.interrupt();
            }
        }
    }

    /* Writes a verified chunk and its record entry, shielded from stop()'s interrupt; false if stopping. */
    private boolean store(int chunk) throws IOException {
        synchronized (writeLock) {
            if (stopRequested) {
                return false;
            }
            writing = true;
        }
        try {
            // only verified bytes reach the file, so a bad copy can never spoil a chunk another holder delivered
            if (!scheduler.isDone(chunk)) {
                sink.write(chunkBuffer.flip(), hashes.offset(chunk));
            }
            if (scheduler.complete(chunk, id)) {
                sink.verified(chunk);
                chunksDelivered++;
            }
            return true;
        } finally {
            synchronized (writeLock) {
                writing = false;
            }
        }
    }

    void join() throws InterruptedException {
        Thread running = thread;
        if (running != null) {
            running.join();
        }
    }

    @Override
    public void run() {
        Deque<Integer> requested = new ArrayDeque<>();
        sink.holderStarted();
        try {
            outcome = fetch(requested);
        } catch (HolderFailure failure) {
            outcome = Outcome.FAILED;
            reason = failure.getMessage();
        } catch (InterruptedIOException | InterruptedException e) {
            outcome = Outcome.ABANDONED;
            reason = "interrupted";
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            outcome = Outcome.ABANDONED;
            localFailure = e;
            scheduler.abandon(); // nothing more can be written: the whole download stops
        } finally {
            for (int chunk : requested) {
                scheduler.release(chunk, id);
            }
            link.close();
            sink.holderStopped();
            onStop.accept(this);
            scheduler.leave();
        }
    }

    private Outcome fetch(Deque<Integer> requested) throws HolderFailure, IOException, InterruptedException {
        while (true) {
            if (stopRequested) {
                return Outcome.ABANDONED;
            }
            try {
                request(requested);
                if (requested.isEmpty()) {
                    return Outcome.FINISHED;
                }
                link.awaitBytes(hashes.length(requested.peek()));
            } catch (HolderFailure failure) {
                link.redialAfter(failure); // nothing of these answers arrived: ask again on the fresh connection
                for (int chunk : requested) {
                    link.requestBytes(sha256, hashes.offset(chunk), hashes.length(chunk));
                }
                continue;
            }
            int chunk = requested.peek();
            if (!receive(chunk)) {
                // another holder delivered this chunk first (the end game). The download may still need
                // this holder: a chunk in flight elsewhere can fail. So read past the rest of this copy
                // and stay; once every chunk is done, stop() ends the wait.
                skipRest(chunk);
                requested.poll();
                scheduler.release(chunk, id);
                continue;
            }
            requested.poll();
            if (!hashes.matches(chunk, digest.digest())) {
                scheduler.release(chunk, id);
                reason = "sent chunk " + chunk + " with a wrong SHA-256";
                return Outcome.CORRUPT;
            }
            if (!store(chunk)) {
                scheduler.release(chunk, id);
                return Outcome.ABANDONED;
            }
        }
    }

    /* Tops the pipeline up; with nothing queued, waits for work while other holders may still give chunks back. */
    private void request(Deque<Integer> requested) throws HolderFailure, InterruptedIOException, InterruptedException {
        while (requested.size() < PIPELINE) {
            OptionalInt next = requested.isEmpty() ? scheduler.awaitNext(id) : scheduler.next(id, requested.size());
            if (next.isEmpty()) {
                return;
            }
            int chunk = next.getAsInt();
            requested.add(chunk); // first, so a failed send still gives the chunk back
            link.requestBytes(sha256, hashes.offset(chunk), hashes.length(chunk));
        }
    }

    /* Reads one chunk into the chunk buffer, hashing as it goes; false if another copy won meanwhile. */
    private boolean receive(int chunk) throws HolderFailure, InterruptedIOException, InterruptedException {
        digest.reset();
        int length = hashes.length(chunk);
        if (chunkBuffer == null || chunkBuffer.capacity() < length) {
            // direct: the socket reads into it and the file is written from it with no copy in between
            chunkBuffer = ByteBuffer.allocateDirect(length);
        }
        chunkBuffer.clear();
        while (chunkBuffer.position() < length) {
            if (scheduler.isDone(chunk)) {
                return false;
            }
            int from = chunkBuffer.position();
            int count = readSlice(length);
            digest.update(chunkBuffer.slice(from, count));
            scheduler.received(chunk, chunkBuffer.position());
        }
        return true;
    }

    /* Reads and discards what is left of a chunk another copy won, so the connection can carry the next one. */
    private void skipRest(int chunk) throws HolderFailure, InterruptedIOException, InterruptedException {
        int length = hashes.length(chunk);
        while (chunkBuffer.position() < length) {
            readSlice(length);
        }
    }

    /* Reads the next bytes of a chunk into the chunk buffer: no more than the rate cap allows in one go. */
    private int readSlice(int length) throws HolderFailure, InterruptedIOException, InterruptedException {
        int slice = bucket == null ? length : bucket.sliceBytes();
        chunkBuffer.limit(Math.min(length, chunkBuffer.position() + slice));
        int count = link.readInto(chunkBuffer);
        sink.received(count);
        if (bucket != null) {
            bucket.take(count);
        }
        return count;
    }

    Holder holder() {
        return link.holder();
    }

    /** How many times the holder was dialed again after it closed an idle connection. */
    int redials() {
        return link.redials();
    }

    Outcome outcome() {
        return outcome;
    }

    /** Why the holder failed, for a person: "connection refused", "sent chunk 3 with a wrong SHA-256". */
    String reason() {
        return reason;
    }

    int chunksDelivered() {
        return chunksDelivered;
    }

    /** Trouble on this side (writing the partial file), not the holder's fault. */
    IOException localFailure() {
        return localFailure;
    }
}
