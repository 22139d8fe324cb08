package napster.peer.transfer;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * Hands out the chunks of one download to the holders fetching them. Each holder asks for its
 * next chunk when it has room: the lowest chunk nobody has yet, so a fast holder simply takes
 * more of them. When none is left unclaimed, an idle holder joins a chunk still in flight
 * elsewhere that is less than half done (the end game), so one slow holder cannot hold up the
 * finish; the first verified copy wins. A chunk a holder gives back (it failed) is free again.
 * Thread-safe.
 */
final class ChunkScheduler {
    /** At most this many holders fetch the same chunk in the end game. */
    static final int MAX_FETCHERS_PER_CHUNK = 2;

    private final int chunks;
    private final BitSet done;
    private final int[] fetchers;
    private final BitSet[] fetchedBy;
    private final long[] received;
    private final long[] lengths;
    private int openWorkers;
    private boolean abandoned;

    /** {@code lengths}: each chunk's size; {@code done}: chunks already there (a resumed download); both are copied. */
    ChunkScheduler(long[] lengths, BitSet done) {
        this.chunks = lengths.length;
        this.lengths = lengths.clone();
        this.received = new long[chunks];
        this.done = (BitSet) done.clone();
        this.fetchers = new int[chunks];
        this.fetchedBy = new BitSet[chunks];
        for (int i = 0; i < chunks; i++) {
            fetchedBy[i] = new BitSet();
        }
    }

    /** A holder that will ask for chunks; {@link #leave} when it stops. */
    synchronized void join() {
        openWorkers++;
    }

    /** The holder stopped asking (finished or failed); if none is left, waiters learn the rest will not come. */
    synchronized void leave() {
        openWorkers--;
        notifyAll();
    }

    /** The download cannot go on (this side failed to write): every waiter gives up, no chunk is handed out. */
    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /**
     * The next chunk for {@code holder}, which already has {@code queued} chunks requested, or
     * empty when nothing is left that it could help with. A holder that still has work queued
     * takes another chunk only while there are enough for every holder, so nobody hoards the
     * last ones. An idle holder may join a chunk in flight elsewhere (the end game), but only
     * one its fetcher has not yet got half of: otherwise the copy would only waste bandwidth.
     */
    synchronized OptionalInt next(int holder, int queued) {
        if (abandoned) {
            return OptionalInt.empty();
        }
        int unclaimed = 0;
        int first = -1;
        for (int chunk = done.nextClearBit(0); chunk < chunks; chunk = done.nextClearBit(chunk + 1)) {
            if (fetchers[chunk] == 0) {
                unclaimed++;
                if (first < 0) {
                    first = chunk;
                }
            }
        }
        if (first >= 0 && (queued == 0 || unclaimed >= openWorkers)) {
            claim(first, holder);
            return OptionalInt.of(first);
        }
        if (queued > 0) {
            return OptionalInt.empty();
        }
        int best = -1;
        for (int chunk = done.nextClearBit(0); chunk < chunks; chunk = done.nextClearBit(chunk + 1)) {
            if (!fetchedBy[chunk].get(holder) && fetchers[chunk] < MAX_FETCHERS_PER_CHUNK
                    && received[chunk] * 2 < lengths[chunk] && (best < 0 || received[chunk] < received[best])) {
                best = chunk;
            }
        }
        if (best < 0) {
            return OptionalInt.empty();
        }
        claim(best, holder);
        return OptionalInt.of(best);
    }

    /** How far the furthest fetcher of {@code chunk} has got, in bytes; steers the end game. */
    synchronized void received(int chunk, long bytes) {
        received[chunk] = Math.max(received[chunk], bytes);
    }

    private void claim(int chunk, int holder) {
        fetchers[chunk]++;
        fetchedBy[chunk].set(holder);
    }

    /** {@code holder} delivered a verified copy; true if it is the first (false: another copy won, drop this one). */
    synchronized boolean complete(int chunk, int holder) {
        release(chunk, holder);
        if (done.get(chunk)) {
            return false;
        }
        done.set(chunk);
        notifyAll();
        return true;
    }

    /** {@code holder} no longer fetches {@code chunk} (it failed or gave up); the chunk is free again. */
    synchronized void release(int chunk, int holder) {
        if (fetchedBy[chunk].get(holder)) {
            fetchedBy[chunk].clear(holder);
            fetchers[chunk]--;
            if (fetchers[chunk] == 0) {
                received[chunk] = 0; // whoever takes it next starts from scratch
            }
            notifyAll();
        }
    }

    /**
     * For a holder with nothing queued: its next chunk, waiting while there is none for it but
     * chunks are still in flight elsewhere (one may come back if its holder fails); empty once
     * every chunk is done. So a holder stays available until the download cannot need it.
     */
    synchronized OptionalInt awaitNext(int holder) throws InterruptedException {
        while (true) {
            OptionalInt next = next(holder, 0);
            if (next.isPresent() || done.cardinality() == chunks || abandoned) {
                return next;
            }
            wait();
        }
    }

    synchronized boolean isDone(int chunk) {
        return done.get(chunk);
    }

    synchronized int doneCount() {
        return done.cardinality();
    }

    synchronized BitSet done() {
        return (BitSet) done.clone();
    }

    /**
     * Waits until {@code chunk} is done (true) or no holder is left to fetch it, or the download
     * was abandoned (false). Holders that are still joined may yet bring it (each gives up on a
     * silent or too slow connection), so only their absence ends the wait early.
     */
    synchronized boolean awaitDone(int chunk) throws InterruptedException {
        while (!done.get(chunk)) {
            if (openWorkers == 0 || abandoned) {
                return false;
            }
            wait();
        }
        return true;
    }
}
