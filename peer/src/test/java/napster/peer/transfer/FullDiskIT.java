package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import napster.common.protocol.FileHit;
import napster.common.transfer.ChunkHashes;
import napster.peer.share.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads into a really full file system (a small tmpfs): refused before anything is fetched
 * when the file cannot fit, and when the disk fills up midway, the progress record left behind
 * is still true and no scratch file is left.
 */
class FullDiskIT {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    /** Three chunks, the last one short. */
    private static final int SIZE = 2 * CHUNK + 123_457;

    @TempDir
    Path dir;
    Path original;
    byte[] content;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @BeforeEach
    void createTheFile() throws IOException {
        original = TestFiles.random(dir.resolve("share/big.bin"), SIZE, 1);
        content = Files.readAllBytes(original);
    }

    @Test
    void download_biggerThanTheFreeSpace_failsBeforeAskingAnyHolderAndTouchesNothing() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "2m");
             TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            Path downloads = disk.dir.resolve("downloads");

            assertThatThrownBy(() -> downloader.download(hit, hit.peers(), downloads, log::add))
                    .isInstanceOf(DownloadException.class)
                    .hasMessage("Not enough free space in " + downloads + ": " + SIZE + " bytes needed, "
                            + disk.usableSpace() + " bytes free.");

            assertThat(disk.dir).isEmptyDirectory();
            assertThat(peer.log).as("no holder was even asked").isEmpty();
            assertThat(log).isEmpty();
        }
    }

    @Test
    void download_resumingWhereTheWholeWouldNotFit_needsRoomOnlyForTheMissingChunks() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "9m");
             TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            // an earlier run left chunks 0 and 1: 8 MiB of the 9, the rest of the file still fits
            Path partial = Files.write(disk.dir.resolve("big.bin.napster-part"), Arrays.copyOf(content, 2 * CHUNK));
            BitSet twoChunks = new BitSet();
            twoChunks.set(0, 2);
            new ProgressRecord(hit.sha256(), SIZE, FileHasher.hash(original).chunkHashes(), twoChunks)
                    .write(ProgressRecord.beside(partial));
            assertThat(disk.usableSpace()).isLessThan(SIZE).isGreaterThan(SIZE - 2L * CHUNK);

            DownloadResult result = downloader.download(hit, hit.peers(), disk.dir, log::add);

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.resumedBytes()).isEqualTo(2L * CHUNK);
            assertThat(result.bytesTransferred()).isEqualTo(123_457);
        }
    }

    @Test
    void download_diskFillsUpMidway_failsSayingSoAndLeavesATrueRecordAndNoScratchFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "16m");
             TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            Path partial = disk.dir.resolve("big.bin.napster-part");
            AtomicBoolean filled = new AtomicBoolean();
            // the first chunk lands and is recorded; then something else takes every byte left
            DownloadProgress fillUpAfterTheFirstChunk = (bytes, holders) -> {
                if (bytes > 0 && filled.compareAndSet(false, true)) {
                    try {
                        disk.fill();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };

            DownloadException failure = catchThrowableOfType(DownloadException.class,
                    () -> downloader.download(hit, hit.peers(), disk.dir, log::add, fillUpAfterTheFirstChunk));

            assertThat(filled).isTrue();
            assertThat(disk.dir).isDirectoryNotContaining("glob:**.tmp");
            BitSet recorded = ProgressRecord.read(ProgressRecord.beside(partial)).orElseThrow().done();
            assertThat(recorded.get(0)).as("chunk 0 was recorded before the disk filled up").isTrue();
            byte[] onDisk = Files.readAllBytes(partial);
            for (int chunk = recorded.nextSetBit(0); chunk >= 0; chunk = recorded.nextSetBit(chunk + 1)) {
                int from = chunk * CHUNK;
                int to = Math.min(SIZE, from + CHUNK);
                assertThat(onDisk.length).as("recorded chunk %d is on disk", chunk).isGreaterThanOrEqualTo(to);
                assertThat(Arrays.copyOfRange(onDisk, from, to)).as("recorded chunk %d is intact", chunk)
                        .isEqualTo(Arrays.copyOfRange(content, from, to));
            }
            assertThat(disk.dir.resolve("big.bin")).doesNotExist();
            assertThat(failure).hasMessage("Cannot write " + partial + ": No space left on device."
                    + " What arrived intact is kept in " + partial + "; run get again to resume.");
        }
    }
}
