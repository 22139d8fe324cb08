package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against real file servers on loopback: many holders at once, chunk checks,
 * holders that fail, lie or are busy, resume, rate caps. Corrupt holders are real peers whose
 * file changed on disk behind their back (same size and mtime, so they still serve it).
 */
class DownloaderIT {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    /** Three chunks, the last one short. */
    private static final int SIZE = 2 * CHUNK + 123_457;
    /** How a holder below the pace floor is named. */
    private static final String TOO_SLOW = "sent \\d+ bytes? in \\d+ s, below the floor of 1 KiB/s";

    @TempDir
    Path dir;
    Path original;
    byte[] content;
    Path downloads;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(10));
    /** Drops a holder that sends less than 1 KiB/s over a 2 s window of waiting for it. */
    final Downloader paced = new Downloader(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(2), 1024), null);

    @BeforeEach
    void createTheFile() throws IOException {
        original = TestFiles.random(dir.resolve("share1/big.bin"), SIZE, 1);
        content = Files.readAllBytes(original);
        downloads = dir.resolve("downloads");
    }

    /** Another peer's folder with a copy of the file. */
    private Path copyIn(String folder) throws IOException {
        return copyOf(original, folder);
    }

    private Path copyOf(Path file, String folder) throws IOException {
        return Files.copy(file, Files.createDirectories(dir.resolve(folder)).resolve(file.getFileName()));
    }

    /**
     * Flips bytes inside {@code chunk} of a shared copy without changing its size or mtime, as bit
     * rot would: the peer hashed it before, so it still offers the old hash and serves bad bytes.
     */
    private static void corrupt(Path copy, int chunk) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(copy);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.seek((long) chunk * CHUNK + 1000);
            file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        Files.setLastModifiedTime(copy, mtime);
    }

    @Test
    void download_fromOneHolder_landsTheSameBytesAndLeavesNoScratchFiles() throws Exception {
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            Holder holder = peer.holder(1, "big.bin");
            FileHit hit = TestPeer.hitFor(original, holder);

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEqualTo(downloads.resolve("big.bin"));
            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.sha256()).isEqualTo(hit.sha256());
            assertThat(result.size()).isEqualTo(SIZE);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE);
            assertThat(result.resumedBytes()).isZero();
            assertThat(result.peers()).containsExactly(holder);
            assertThat(result.dropped()).isEmpty();
            assertThat(downloads).isDirectoryNotContaining("glob:**.napster-part*");
            assertThat(log).isEmpty();
        }
    }

    @Test
    @Tag("speed")
    void download_threeHoldersCappedAlike_allDeliverAndItIsAtLeastTwiceAsFastAsOne() throws Exception {
        long rate = 8L << 20;
        Path album = TestFiles.random(dir.resolve("album1/album.flac"), 8 * CHUNK, 5); // 8 chunks to share out
        try (TestPeer a = TestPeer.serving(album.getParent(), 4, Duration.ofSeconds(10), rate);
             TestPeer b = TestPeer.serving(copyOf(album, "album2").getParent(), 4, Duration.ofSeconds(10), rate);
             TestPeer c = TestPeer.serving(copyOf(album, "album3").getParent(), 4, Duration.ofSeconds(10), rate)) {
            FileHit hit = TestPeer.hitFor(album, a.holder(1, "album.flac"), b.holder(2, "album.flac"),
                    c.holder(3, "album.flac"));

            DownloadResult all = downloader.download(hit, hit.peers(), dir.resolve("all"), log::add);
            DownloadResult pinned = downloader.download(hit, List.of(hit.peers().get(0)), dir.resolve("pinned"), log::add);

            double ratio = (double) pinned.elapsed().toNanos() / all.elapsed().toNanos();
            System.out.printf("three holders capped at %d MiB/s each, %d MiB: one pinned %.2f s, all three %.2f s,"
                    + " speed-up %.2fx%n", rate >> 20, 8 * CHUNK >> 20, pinned.elapsed().toNanos() / 1e9,
                    all.elapsed().toNanos() / 1e9, ratio);
            assertThat(Files.mismatch(album, all.path())).isEqualTo(-1L);
            assertThat(all.peers()).extracting(Holder::peerId).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(ratio).isGreaterThanOrEqualTo(2.0);
        }
    }

    @Test
    void download_oneCorruptHolderAmongTwo_correctBytesAndTheCorruptOneNamed() throws Exception {
        Path bad = copyIn("share2");
        try (TestPeer corrupt = TestPeer.serving(bad.getParent());
             TestPeer honest = TestPeer.serving(original.getParent());
             GatedProxy honestGate = new GatedProxy(honest.port())) {
            for (int chunk = 0; chunk < 3; chunk++) {
                corrupt(bad, chunk); // whichever chunk it gets first is bad
            }
            FileHit hit = TestPeer.hitFor(original, corrupt.holder(1, "big.bin"),
                    TestPeer.holderAt(2, honestGate.port(), "big.bin"));

            // the honest holder answers gets only once the corrupt one has sent a bad chunk: it cannot finish
            // first, and of 3 chunks between 2 holders (at most 2 in flight each) the corrupt one surely gets one
            DownloadResult result = downloader.download(hit, hit.peers(), downloads, line -> {
                log.add(line);
                if (line.contains("wrong SHA-256")) {
                    honestGate.open();
                }
            });

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(result.dropped()).singleElement().satisfies(dropped -> {
                assertThat(dropped.holder().peerId()).isEqualTo(1);
                assertThat(dropped.reason()).matches("sent chunk [012] with a wrong SHA-256");
            });
            assertThat(log).singleElement().asString().matches("Peer 1 at 127\\.0\\.0\\.1:" + corrupt.port()
                    + " sent chunk [012] with a wrong SHA-256; dropped it, its chunks come from the others\\.");
        }
    }

    @Test
    @Timeout(60)
    void download_onlyHolderTrickles_failsNamingItAndKeepsWhatArrivedForResume() throws Exception {
        // chunk 0 arrives whole, then one byte every 200 ms: each read is quick, the whole would take weeks
        try (TricklingHolder trickler = TricklingHolder.serving(original, CHUNK, Duration.ofMillis(200))) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, trickler.port(), "big.bin"));
            Path partial = downloads.resolve("big.bin.napster-part");

            assertThatThrownBy(() -> paced.download(hit, hit.peers(), downloads, log::add))
                    .isInstanceOf(DownloadException.class)
                    .message().matches("No holder could deliver big\\.bin: peer 1 \\(" + TOO_SLOW + "\\)\\."
                            + " What arrived intact is kept in " + Pattern.quote(partial.toString())
                            + "; run get again to resume\\.");

            assertThat(log).singleElement().asString().matches("Peer 1 at 127\\.0\\.0\\.1:" + trickler.port()
                    + " stopped serving this file \\(" + TOO_SLOW + "\\) after 1 chunks\\.");
            assertThat(ProgressRecord.read(ProgressRecord.beside(partial)).orElseThrow().done()).isEqualTo(chunks(0));
            assertThat(Arrays.copyOf(Files.readAllBytes(partial), CHUNK)).isEqualTo(Arrays.copyOf(content, CHUNK));
            assertThat(downloads.resolve("big.bin")).doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void download_tricklerAndHonestHolder_completesFromTheHonestOneAndNamesTheTrickler() throws Exception {
        Path pair = TestFiles.random(dir.resolve("pair1/pair.bin"), CHUNK + 100_000, 11); // 2 chunks: one each
        // capped at 512 KiB/s, the honest holder needs at least 8 s for its chunk, the trickler is judged after 2 s
        try (TricklingHolder trickler = TricklingHolder.serving(pair, 0, Duration.ofMillis(200));
             TestPeer honest = TestPeer.serving(copyOf(pair, "pair2").getParent(), 4, Duration.ofSeconds(10), 512 << 10)) {
            FileHit hit = TestPeer.hitFor(pair, TestPeer.holderAt(1, trickler.port(), "pair.bin"),
                    honest.holder(2, "pair.bin"));

            DownloadResult result = paced.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.mismatch(pair, result.path())).isEqualTo(-1L);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(result.dropped()).singleElement().satisfies(dropped -> {
                assertThat(dropped.holder().peerId()).isEqualTo(1);
                assertThat(dropped.reason()).matches(TOO_SLOW);
            });
        }
    }

    @Test
    @Timeout(60)
    void download_holderTricklesItsChunkHashes_isLeftOutAndTheOtherDelivers() throws Exception {
        try (TricklingHolder trickler = TricklingHolder.tricklingInfo(original, Duration.ofMillis(200));
             TestPeer honest = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, trickler.port(), "big.bin"),
                    honest.holder(2, "big.bin"));

            DownloadResult result = paced.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).singleElement().asString().matches("Peer 1 at 127\\.0\\.0\\.1:" + trickler.port()
                    + " cannot help \\(" + TOO_SLOW + "\\)\\.");
        }
    }

    @Test
    void download_onlyCorruptHolders_integrityErrorAndNothingUnderTheFinalName() throws Exception {
        Path bad1 = copyIn("share2");
        Path bad2 = copyIn("share3");
        try (TestPeer one = TestPeer.serving(bad1.getParent()); TestPeer two = TestPeer.serving(bad2.getParent())) {
            corrupt(bad1, 1);
            corrupt(bad2, 1);
            FileHit hit = TestPeer.hitFor(original, one.holder(1, "big.bin"), two.holder(2, "big.bin"));

            assertThatThrownBy(() -> downloader.download(hit, hit.peers(), downloads, log::add))
                    .isInstanceOf(DownloadException.class)
                    .hasMessageStartingWith("Integrity error: no holder could deliver big.bin intact: ")
                    .hasMessageContaining("peer 1 (sent chunk 1 with a wrong SHA-256)")
                    .hasMessageContaining("peer 2 (sent chunk 1 with a wrong SHA-256)")
                    .hasMessageEndingWith("run get again to resume.");
            assertThat(downloads.resolve("big.bin")).doesNotExist();
        }
    }

    @Test
    void download_busyHolder_goesToTheOtherOne() throws Exception {
        ServerSettings oneSlot = new ServerSettings("127.0.0.1", 0, 1, 8, Duration.ofSeconds(30), Duration.ofSeconds(30), 0);
        try (TestPeer busy = TestPeer.serving(copyIn("share2").getParent(), oneSlot);
             Socket slotTaker = new Socket(InetAddress.getLoopbackAddress(), busy.port());
             TestPeer free = TestPeer.serving(original.getParent())) {
            slotTaker.getOutputStream().write((Wire.PING + "\n").getBytes(StandardCharsets.UTF_8)); // a slot is taken by a request
            await().atMost(Duration.ofSeconds(5)).until(() -> busy.server.freeSlots() == 0);
            FileHit hit = TestPeer.hitFor(original, busy.holder(1, "big.bin"), free.holder(2, "big.bin"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).containsExactly("Peer 1 at 127.0.0.1:" + busy.port() + " cannot help (all upload slots busy).");
            assertThat(slotTaker.isConnected()).isTrue();
        }
    }

    @Test
    void download_stoppedOrNotSharingHolders_areNamedAndTheOthersDeliver() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        TestFiles.random(other.resolve("unrelated.bin"), 10, 2);
        int closed = TestPeer.closedPort();
        try (TestPeer notSharing = TestPeer.serving(other); TestPeer honest = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, closed, "big.bin"),
                    notSharing.holder(2, "big.bin"), honest.holder(3, "big.bin"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(3);
            assertThat(log).containsExactly(
                    "Peer 1 at 127.0.0.1:" + closed + " cannot help (connection refused).",
                    "Peer 2 at 127.0.0.1:" + notSharing.port() + " cannot help (not shared there).");
        }
    }

    @Test
    void download_holderStopsMidway_theOtherFinishes() throws Exception {
        try (TestPeer slow = TestPeer.serving(original.getParent(), 4, Duration.ofSeconds(10), 1L << 20);
             TestPeer steady = TestPeer.serving(copyIn("share2").getParent(), 4, Duration.ofSeconds(10), 2L << 20)) {
            FileHit hit = TestPeer.hitFor(original, slow.holder(1, "big.bin"), steady.holder(2, "big.bin"));
            AtomicLong verified = new AtomicLong();
            CompletableFuture<DownloadResult> download = CompletableFuture.supplyAsync(() -> {
                try {
                    return downloader.download(hit, hit.peers(), downloads, log::add, (bytes, holders) -> verified.set(bytes));
                } catch (DownloadException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> verified.get() > 0);

            slow.close();

            DownloadResult result = download.get();
            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.peers()).extracting(Holder::peerId).contains(2);
        }
    }

    @Test
    void download_interruptedHalfWay_nextRunFetchesOnlyTheMissingChunks() throws Exception {
        Path bigger = TestFiles.random(dir.resolve("share9/huge.bin"), 8 * CHUNK, 7);
        try (TestPeer capped = TestPeer.serving(bigger.getParent(), 4, Duration.ofSeconds(10), 8L << 20)) {
            FileHit hit = TestPeer.hitFor(bigger, capped.holder(1, "huge.bin"));
            AtomicLong verified = new AtomicLong();
            Thread first = new Thread(() -> {
                try {
                    downloader.download(hit, hit.peers(), downloads, log::add, (bytes, holders) -> verified.set(bytes));
                } catch (DownloadException e) {
                    log.add("first run: " + e.getMessage());
                }
            });
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> verified.get() >= 4L * CHUNK);
            first.interrupt();
            first.join(10_000);
            assertThat(log).contains("first run: The download of huge.bin was interrupted.");
            assertThat(downloads.resolve("huge.bin.napster-part.progress")).exists();

            DownloadResult second = downloader.download(hit, hit.peers(), downloads, log::add);

            System.out.printf("resume after %d of %d bytes: the second run transferred %d bytes (%.0f %%)%n",
                    second.resumedBytes(), second.size(), second.bytesTransferred(),
                    100.0 * second.bytesTransferred() / second.size());
            assertThat(Files.mismatch(bigger, second.path())).isEqualTo(-1L);
            assertThat(second.resumedBytes()).isGreaterThanOrEqualTo(4L * CHUNK);
            assertThat(second.bytesTransferred()).isLessThan((long) (0.85 * second.size()));
            assertThat(log).anyMatch(line -> line.startsWith("Resuming: "));
            assertThat(downloads).isDirectoryNotContaining("glob:**.napster-part*");
        }
    }

    @Test
    void download_resumeWithAPartialFileChangedBehindItsBack_refetchesTheSpoiledChunks() throws Exception {
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            downloader.download(hit, hit.peers(), dir.resolve("first"), log::add);
            // pretend a run stopped with every chunk done, then someone scribbled over chunk 2
            Files.createDirectories(downloads);
            Path partial = Files.copy(original, downloads.resolve("big.bin.napster-part"));
            ChunkHashes hashes = chunkHashes(peer);
            BitSet all = new BitSet();
            all.set(0, 3);
            new ProgressRecord(hit.sha256(), SIZE, hashes, all).write(ProgressRecord.beside(partial));
            corrupt(partial, 2);

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(result.resumedBytes()).isEqualTo(2L * CHUNK);
            assertThat(result.bytesTransferred()).isEqualTo(123_457);
        }
    }

    @Test
    void download_maxDownloadRate_isNeverExceeded() throws Exception {
        long rate = 2L << 20;
        assertThat(measuredRateCappedAt(rate)).isLessThanOrEqualTo(1.1 * rate);
    }

    @Test
    @Tag("speed")
    void download_maxDownloadRate_isHonouredWithinTenPercent() throws Exception {
        long rate = 2L << 20;
        assertThat(measuredRateCappedAt(rate)).isBetween(0.9 * rate, 1.1 * rate);
    }

    private double measuredRateCappedAt(long rate) throws Exception {
        Downloader capped = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(10), TokenBucket.perSecond(rate));
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));

            DownloadResult result = capped.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            double measured = SIZE / (result.elapsed().toNanos() / 1e9);
            System.out.printf("--max-download-rate %d B/s: measured %.0f B/s (%.1f %% of the cap)%n", rate, measured,
                    100 * measured / rate);
            return measured;
        }
    }

    @Test
    void download_reportsVerifiedProgressUpToTheSizeAndTheHoldersInUse() throws Exception {
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));
            List<long[]> reports = new CopyOnWriteArrayList<>();

            downloader.download(hit, hit.peers(), downloads, log::add, (bytes, holders) -> reports.add(new long[] {bytes, holders}));

            assertThat(reports.get(0)).containsExactly(0, 0);
            assertThat(reports).anySatisfy(report -> assertThat(report).containsExactly(SIZE, 1));
            assertThat(reports).allSatisfy(report -> assertThat(report[0]).isBetween(0L, (long) SIZE));
        }
    }

    @Test
    void download_emptyFile_landsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(Files.createDirectories(dir.resolve("empty")).resolve("empty.txt"));
        try (TestPeer peer = TestPeer.serving(empty.getParent())) {
            FileHit hit = TestPeer.hitFor(empty, peer.holder(1, "empty.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEmptyFile();
            assertThat(result.bytesTransferred()).isZero();
        }
    }

    @Test
    void download_sameFileAlreadyThere_transfersNothing() throws Exception {
        Files.createDirectories(downloads);
        Files.write(downloads.resolve("big.bin"), content);
        FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, TestPeer.closedPort(), "big.bin"));

        DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

        assertThat(result.path()).isEqualTo(downloads.resolve("big.bin"));
        assertThat(result.bytesTransferred()).isZero();
        assertThat(result.peers()).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void download_differentFileWithThatName_landsAsANumberedCopyAndLeavesItAlone() throws Exception {
        Files.createDirectories(downloads);
        Path mine = Files.writeString(downloads.resolve("big.bin"), "my own notes");
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "big.bin"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEqualTo(downloads.resolve("big (1).bin"));
            assertThat(Files.mismatch(original, result.path())).isEqualTo(-1L);
            assertThat(mine).hasContent("my own notes");
        }
    }

    @Test
    void download_everyHolderFails_throwsOneSentenceNamingEachFailure() throws Exception {
        try (FakeHolder busy = FakeHolder.answering("{\"status\":\"busy\",\"message\":\"All 1 upload slots are busy.\"}")) {
            int closed = TestPeer.closedPort();
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, closed, "big.bin"),
                    TestPeer.holderAt(2, busy.port(), "big.bin"));

            assertThatThrownBy(() -> downloader.download(hit, hit.peers(), downloads, log::add))
                    .isInstanceOf(DownloadException.class)
                    .hasMessage("No holder could deliver big.bin: peer 1 (connection refused), peer 2 (all upload slots busy).");
            assertThat(downloads).isEmptyDirectory();
        }
    }

    @Test
    void download_holderAnswersInfoWithGarbage_isNamedAndLeftOut() throws Exception {
        try (FakeHolder garbage = FakeHolder.answering("{\"status\":\"ok\",\"length\":7}");
             TestPeer honest = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, garbage.port(), "big.bin"), honest.holder(2, "big.bin"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).containsExactly("Peer 1 at 127.0.0.1:" + garbage.port() + " cannot help (sent a malformed info answer).");
        }
    }

    @Test
    void download_noHolders_throwsOneSentence() throws Exception {
        FileHit hit = TestPeer.hitFor(original);

        assertThatThrownBy(() -> downloader.download(hit, List.of(), downloads, log::add))
                .isInstanceOf(DownloadException.class)
                .hasMessage("No peer holds big.bin right now.");
    }

    @Test
    void download_holderThatNeverAnswers_timesOutAndTheOtherDelivers() throws Exception {
        Downloader impatient = new Downloader(Duration.ofSeconds(5), Duration.ofMillis(300));
        // the kernel completes the handshake into the backlog; nobody ever accepts or answers
        try (ServerSocket neverAnswers = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TestPeer honest = TestPeer.serving(original.getParent())) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, neverAnswers.getLocalPort(), "big.bin"),
                    honest.holder(2, "big.bin"));

            DownloadResult result = impatient.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).containsExactly("Peer 1 at 127.0.0.1:" + neverAnswers.getLocalPort()
                    + " cannot help (nothing received for 300 ms).");
        }
    }

    @Test
    void ping_runningHolder_returnsTheRoundTrip() throws Exception {
        try (TestPeer peer = TestPeer.serving(original.getParent())) {
            assertThat(downloader.ping(peer.holder(1, "big.bin"))).isPositive().isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void ping_stoppedHolder_failsWithOneSentence() throws Exception {
        int port = TestPeer.closedPort();

        assertThatThrownBy(() -> downloader.ping(TestPeer.holderAt(4, port, "big.bin")))
                .isInstanceOf(IOException.class)
                .hasMessage("Peer 4 at 127.0.0.1:" + port + " did not answer the ping (connection refused).");
    }

    private static BitSet chunks(int... indexes) {
        BitSet set = new BitSet();
        for (int index : indexes) {
            set.set(index);
        }
        return set;
    }

    private static ChunkHashes chunkHashes(TestPeer peer) {
        return peer.catalogue.entries().get(0).chunkHashes();
    }
}
