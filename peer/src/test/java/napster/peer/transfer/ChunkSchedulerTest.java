package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkSchedulerTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final long CHUNK = 1000;

    /** {@code count} chunks of 1000 bytes, none done, with {@code holders} holders joined. */
    private static ChunkScheduler scheduler(int count, int holders) {
        return scheduler(count, holders, new BitSet());
    }

    private static ChunkScheduler scheduler(int count, int holders, BitSet done) {
        long[] lengths = new long[count];
        Arrays.fill(lengths, CHUNK);
        ChunkScheduler scheduler = new ChunkScheduler(lengths, done);
        for (int i = 0; i < holders; i++) {
            scheduler.join();
        }
        return scheduler;
    }

    @Test
    void next_handsOutTheLowestUnclaimedChunkToEachHolderInTurn() {
        ChunkScheduler scheduler = scheduler(6, 3);

        assertThat(scheduler.next(A, 0)).hasValue(0);
        assertThat(scheduler.next(B, 0)).hasValue(1);
        assertThat(scheduler.next(A, 1)).as("4 unclaimed for 3 holders: A may queue a second").hasValue(2);
        assertThat(scheduler.next(C, 0)).hasValue(3);
    }

    @Test
    void next_resumedDownload_skipsChunksAlreadyDone() {
        BitSet done = new BitSet();
        done.set(0);
        done.set(2);
        ChunkScheduler scheduler = scheduler(4, 1, done);

        assertThat(scheduler.next(A, 0)).hasValue(1);
        assertThat(scheduler.next(A, 1)).hasValue(3);
        assertThat(scheduler.doneCount()).isEqualTo(2);
    }

    @Test
    void next_fastHolderTakesMoreChunksThanASlowOne() {
        ChunkScheduler scheduler = scheduler(6, 2);
        int slowChunk = scheduler.next(B, 0).getAsInt();
        int fastChunks = 0;
        for (OptionalInt chunk = scheduler.next(A, 0); chunk.isPresent(); chunk = scheduler.next(A, 0)) {
            if (chunk.getAsInt() == slowChunk) {
                break;
            }
            scheduler.complete(chunk.getAsInt(), A);
            fastChunks++;
        }
        assertThat(fastChunks).isEqualTo(5);
    }

    @Test
    void next_holderWithWorkQueued_doesNotHoardTheLastChunksFromTheOthers() {
        ChunkScheduler scheduler = scheduler(3, 3);
        assertThat(scheduler.next(A, 0)).hasValue(0);

        assertThat(scheduler.next(A, 1)).as("2 unclaimed for 3 holders: A keeps to one").isEmpty();
        assertThat(scheduler.next(B, 0)).hasValue(1);
        assertThat(scheduler.next(C, 0)).hasValue(2);
    }

    @Test
    void next_idleHolderInTheEndGame_joinsTheLeastAdvancedChunkBelowHalfDone() {
        ChunkScheduler scheduler = scheduler(3, 3);
        scheduler.next(A, 0);
        scheduler.next(B, 0);
        scheduler.next(C, 0);
        scheduler.received(0, 900);
        scheduler.received(1, 100);
        scheduler.complete(2, C);

        assertThat(scheduler.next(C, 0)).as("chunk 1 is a tenth done, chunk 0 nearly finished").hasValue(1);
        assertThat(scheduler.next(C, 0)).as("never the same chunk twice").isEmpty();
    }

    @Test
    void next_endGameChunksMoreThanHalfDone_areLeftToTheirFetchers() {
        ChunkScheduler scheduler = scheduler(2, 2);
        scheduler.next(A, 0);
        scheduler.next(B, 0);
        scheduler.received(0, 500);
        scheduler.complete(1, B);

        assertThat(scheduler.next(B, 0)).isEmpty();
    }

    @Test
    void next_endGame_atMostTwoFetchersPerChunkAndNotForHoldersWithWorkQueued() {
        ChunkScheduler scheduler = scheduler(2, 3);
        assertThat(scheduler.next(A, 0)).hasValue(0);
        assertThat(scheduler.next(B, 0)).hasValue(1);

        assertThat(scheduler.next(B, 1)).as("B still has work: no duplicate for it").isEmpty();
        assertThat(scheduler.next(C, 0)).hasValue(0);
        scheduler.complete(1, B);
        assertThat(scheduler.next(B, 0)).as("chunk 0 has two fetchers already").isEmpty();
    }

    @Test
    void awaitNext_idleHolderWaitsAndTakesTheChunkAFailingHolderGivesBack() throws Exception {
        ChunkScheduler scheduler = scheduler(1, 2);
        scheduler.next(A, 0);
        scheduler.received(0, 900); // too far along for B to join it
        CompletableFuture<OptionalInt> waiting = CompletableFuture.supplyAsync(() -> awaitNext(scheduler, B));

        scheduler.release(0, A);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).hasValue(0);
    }

    @Test
    void awaitNext_everyChunkDone_returnsEmptySoTheHolderStops() throws Exception {
        ChunkScheduler scheduler = scheduler(1, 2);
        scheduler.next(A, 0);
        scheduler.received(0, 900);
        CompletableFuture<OptionalInt> waiting = CompletableFuture.supplyAsync(() -> awaitNext(scheduler, B));

        scheduler.complete(0, A);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static OptionalInt awaitNext(ChunkScheduler scheduler, int holder) {
        try {
            return scheduler.awaitNext(holder);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void complete_firstCopyWinsAndTheSecondIsDropped() {
        ChunkScheduler scheduler = scheduler(1, 3);
        scheduler.next(A, 0);
        scheduler.next(B, 0);

        assertThat(scheduler.complete(0, B)).isTrue();
        assertThat(scheduler.complete(0, A)).isFalse();
        assertThat(scheduler.isDone(0)).isTrue();
        assertThat(scheduler.next(C, 0)).isEmpty();
    }

    @Test
    void release_failedHoldersChunkGoesToTheNextHolderThatAsks() {
        ChunkScheduler scheduler = scheduler(2, 3);
        assertThat(scheduler.next(A, 0)).hasValue(0);
        assertThat(scheduler.next(B, 0)).hasValue(1);

        scheduler.release(0, A);

        assertThat(scheduler.next(C, 0)).hasValue(0);
    }

    @Test
    void release_byAHolderThatNeverClaimedIt_changesNothing() {
        ChunkScheduler scheduler = scheduler(1, 3);
        scheduler.next(A, 0);
        scheduler.received(0, 600);

        scheduler.release(0, B);

        assertThat(scheduler.next(B, 0)).as("A still fetches it and is past half way").isEmpty();
    }

    @Test
    void awaitDone_noHolderLeft_returnsFalseInsteadOfWaitingForever() throws Exception {
        ChunkScheduler scheduler = scheduler(2, 1);
        scheduler.next(A, 0);
        scheduler.complete(0, A);
        scheduler.leave();

        assertThat(scheduler.awaitDone(0)).isTrue();
        assertThat(scheduler.awaitDone(1)).isFalse();
    }

    @Test
    void abandon_wakesTheWaitersAndHandsOutNothingMore() throws Exception {
        ChunkScheduler scheduler = scheduler(2, 2);
        scheduler.next(A, 0);
        scheduler.received(0, 900);
        scheduler.next(B, 0);
        scheduler.received(1, 900);
        CompletableFuture<Boolean> finish = CompletableFuture.supplyAsync(() -> awaitDone(scheduler, 0));
        CompletableFuture<OptionalInt> idle = CompletableFuture.supplyAsync(() -> awaitNext(scheduler, C));

        scheduler.abandon();

        assertThat(finish.get(10, TimeUnit.SECONDS)).as("the download stops waiting while A and B are still in").isFalse();
        assertThat(idle.get(10, TimeUnit.SECONDS)).isEmpty();
        scheduler.release(0, A);
        assertThat(scheduler.next(C, 0)).isEmpty();
    }

    private static boolean awaitDone(ChunkScheduler scheduler, int chunk) {
        try {
            return scheduler.awaitDone(chunk);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void done_isACopy() {
        ChunkScheduler scheduler = scheduler(2, 1);
        scheduler.done().set(1);

        assertThat(scheduler.isDone(1)).isFalse();
    }
}
