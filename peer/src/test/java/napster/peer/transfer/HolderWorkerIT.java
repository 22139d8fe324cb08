package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One holder's worker against a real, upload-capped peer, with the other holder of the download
 * played by the test through the shared scheduler, so the end game happens in a known order.
 */
class HolderWorkerIT {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    /** The holder the test plays: it claims chunks and then delivers or fails them on cue. */
    private static final int OTHER = 9;
    private static final int WORKER = 0;
    private static final DownloadSettings SETTINGS = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    @Test
    void losingTheEndGameRace_theHolderStaysForAChunkThatComesBack() throws Exception {
        Path original = TestFiles.random(dir.resolve("share/big.bin"), 2 * CHUNK + 123_457, 3);
        Path partialPath = dir.resolve("big.bin.part");
        // 2 MiB/s: each 4 MiB chunk takes about two seconds, time enough to act while one is in flight
        try (TestPeer peer = TestPeer.serving(original.getParent(), 4, Duration.ofSeconds(10), 2L << 20);
             FileChannel partial = FileChannel.open(partialPath, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            HolderConnection connection = dial(hit.peers().get(0));
            ChunkHashes hashes = connection.info(hit.sha256());
            ChunkSink sink = new ChunkSink(partial, dir.resolve("big.bin.record"), hit.sha256(), hashes, new BitSet(),
                    DownloadProgress.NONE);
            ChunkScheduler scheduler = new ChunkScheduler(new long[] {CHUNK, CHUNK, 123_457}, new BitSet());
            scheduler.join();
            scheduler.join();
            assertThat(scheduler.next(OTHER, 0)).hasValue(0);
            assertThat(scheduler.next(OTHER, 1)).hasValue(1);
            List<HolderWorker> stopped = new CopyOnWriteArrayList<>();
            HolderWorker worker = new HolderWorker(WORKER, new HolderLink(connection, HolderWorkerIT::dial), hit.sha256(),
                    hashes, scheduler, sink, null, stopped::add);
            Thread thread = new Thread(worker, "holder-worker-it");
            worker.thread(thread);
            thread.start();

            // the worker takes chunk 2 (the short one), then joins chunk 0 (the other holder's, nothing of it arrived yet)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> scheduler.isDone(2) && sink.transferred() > 123_457);
            // ...and loses it: the other holder's copy of chunk 0 lands first, then its chunk 1 fails
            assertThat(scheduler.complete(0, OTHER)).isTrue();
            scheduler.release(1, OTHER);
            scheduler.leave();

            thread.join(Duration.ofSeconds(30).toMillis());
            assertThat(thread.isAlive()).isFalse();
            assertThat(stopped).containsExactly(worker);
            assertThat(worker.outcome()).isEqualTo(HolderWorker.Outcome.FINISHED);
            assertThat(worker.chunksDelivered()).as("chunk 2, and chunk 1 after the lost race").isEqualTo(2);
            assertThat(scheduler.doneCount()).isEqualTo(3);
            assertThat(sink.transferred()).as("every byte of chunk 0 was read past, none was kept")
                    .isEqualTo(2L * CHUNK + 123_457);
            byte[] content = Files.readAllBytes(original);
            byte[] written = Files.readAllBytes(partialPath);
            assertThat(written).hasSameSizeAs(content);
            assertThat(Arrays.copyOfRange(written, CHUNK, written.length))
                    .isEqualTo(Arrays.copyOfRange(content, CHUNK, content.length));
            assertThat(Arrays.copyOfRange(written, 0, CHUNK)).as("chunk 0 is the other holder's to write")
                    .containsOnly(0);
        }
    }

    private static HolderConnection dial(Holder holder) throws HolderFailure, InterruptedIOException {
        return HolderConnection.open(holder, SETTINGS, Downloader.BUFFER_BYTES);
    }
}
