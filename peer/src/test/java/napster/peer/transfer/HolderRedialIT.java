package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose holder, a real file server, closes the connection while the worker waits idle
 * for a chunk that may come back from another holder (played by the test through the shared
 * scheduler). The worker dials the holder once more; a holder that fails on that fresh
 * connection too is given up.
 */
class HolderRedialIT {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    private static final int SIZE = CHUNK + 1000;
    private static final int OTHER = 9;
    private static final int WORKER = 0;
    private static final DownloadSettings SETTINGS = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));
    /** The holder closes a connection that sits this long without a request. */
    private static final Duration HOLDER_IDLE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void holderClosedTheIdleConnection_theWorkerDialsAgainAndFetchesTheChunkThatCameBack() throws Exception {
        Path original = TestFiles.random(dir.resolve("share/two.bin"), SIZE, 4);
        try (TestPeer peer = TestPeer.serving(original.getParent(), 4, HOLDER_IDLE_TIMEOUT);
             IdleWorker idle = IdleWorker.start(dir, TestPeer.hitFor(original, peer.holder(1, "two.bin")),
                     HolderRedialIT::dial)) {
            idle.awaitClosedBy(peer);

            idle.otherHolderFails();

            HolderWorker worker = idle.awaitStopped();
            assertThat(worker.outcome()).isEqualTo(HolderWorker.Outcome.FINISHED);
            assertThat(worker.reason()).isNull();
            assertThat(worker.chunksDelivered()).as("chunk 1, then chunk 0 over the fresh connection").isEqualTo(2);
            assertThat(worker.redials()).isPositive();
            assertThat(Files.readAllBytes(idle.partialPath)).isEqualTo(Files.readAllBytes(original));
        }
    }

    @Test
    void holderGoneWhenDialedAgain_theWorkerFailsSayingWhy() throws Exception {
        Path original = TestFiles.random(dir.resolve("share/two.bin"), SIZE, 4);
        try (TestPeer peer = TestPeer.serving(original.getParent(), 4, HOLDER_IDLE_TIMEOUT);
             IdleWorker idle = IdleWorker.start(dir, TestPeer.hitFor(original, peer.holder(1, "two.bin")),
                     HolderRedialIT::dial)) {
            idle.awaitClosedBy(peer);
            peer.close();

            idle.otherHolderFails();

            HolderWorker worker = idle.awaitStopped();
            assertThat(worker.outcome()).isEqualTo(HolderWorker.Outcome.FAILED);
            assertThat(worker.reason()).isEqualTo("connection refused");
            assertThat(worker.chunksDelivered()).isEqualTo(1);
            assertThat(idle.scheduler.isDone(0)).isFalse();
        }
    }

    @Test
    void freshConnectionClosedWithoutAnAnswerToo_theWorkerFailsWithoutDialingAgain() throws Exception {
        Path original = TestFiles.random(dir.resolve("share/two.bin"), SIZE, 4);
        try (TestPeer peer = TestPeer.serving(original.getParent(), 4, HOLDER_IDLE_TIMEOUT);
             FakeHolder hangsUp = FakeHolder.hangingUp();
             IdleWorker idle = IdleWorker.start(dir, TestPeer.hitFor(original, peer.holder(1, "two.bin")),
                     holder -> dial(TestPeer.holderAt(holder.peerId(), hangsUp.port(), "two.bin")))) {
            idle.awaitClosedBy(peer);

            idle.otherHolderFails();

            HolderWorker worker = idle.awaitStopped();
            assertThat(worker.outcome()).isEqualTo(HolderWorker.Outcome.FAILED);
            assertThat(worker.reason()).isEqualTo("closed the connection without answering");
            assertThat(worker.redials()).isEqualTo(1);
            assertThat(hangsUp.connections()).isEqualTo(1);
        }
    }

    private static HolderConnection dial(Holder holder) throws HolderFailure, InterruptedIOException {
        return HolderConnection.open(holder, SETTINGS, Downloader.BUFFER_BYTES);
    }

    /**
     * A worker that fetched chunk 1 and now waits, idle, because the other holder has chunk 0 more
     * than half done (too far along to join in the end game).
     */
    private static final class IdleWorker implements AutoCloseable {
        final Path partialPath;
        final FileChannel partial;
        final ChunkScheduler scheduler = new ChunkScheduler(new long[] {CHUNK, 1000}, new BitSet());
        final List<HolderWorker> stopped = new CopyOnWriteArrayList<>();
        final HolderWorker worker;
        final Thread thread;

        private IdleWorker(Path dir, FileHit hit, HolderLink.Dialer dialer) throws Exception {
            partialPath = dir.resolve("two.bin.part");
            partial = FileChannel.open(partialPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            HolderConnection connection = dial(hit.peers().get(0));
            ChunkHashes hashes = connection.info(hit.sha256());
            ChunkSink sink = new ChunkSink(partial, dir.resolve("two.bin.record"), hit.sha256(), hashes, new BitSet(),
                    DownloadProgress.NONE);
            scheduler.join();
            scheduler.join();
            assertThat(scheduler.next(OTHER, 0)).hasValue(0);
            scheduler.received(0, CHUNK);
            worker = new HolderWorker(WORKER, new HolderLink(connection, dialer), hit.sha256(), hashes, scheduler, sink,
                    null, stopped::add);
            thread = new Thread(worker, "holder-redial-it");
            worker.thread(thread);
            thread.start();
        }

        static IdleWorker start(Path dir, FileHit hit, HolderLink.Dialer dialer) throws Exception {
            return new IdleWorker(dir, hit, dialer);
        }

        /** Waits until the worker has chunk 1 and the holder has closed its connection (its slot is free again). */
        void awaitClosedBy(TestPeer peer) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> scheduler.isDone(1) && peer.server.freeSlots() == peer.server.slots());
            assertThat(thread.isAlive()).as("the worker waits for chunk 0").isTrue();
        }

        /** The other holder gives chunk 0 back and leaves: the waiting worker takes it. */
        void otherHolderFails() {
            scheduler.release(0, OTHER);
            scheduler.leave();
        }

        HolderWorker awaitStopped() throws InterruptedException {
            thread.join(Duration.ofSeconds(30).toMillis());
            assertThat(thread.isAlive()).isFalse();
            assertThat(stopped).containsExactly(worker);
            return worker;
        }

        @Override
        public void close() throws Exception {
            worker.stop();
            thread.join(Duration.ofSeconds(10).toMillis());
            partial.close();
        }
    }
}
