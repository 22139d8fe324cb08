package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderIT {
    private static final int SIZE = 3_000_000;

    @TempDir
    Path dir;
    Path share;
    Path original;
    byte[] content;
    Path downloads;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @BeforeEach
    void shareOneFile() throws IOException {
        share = Files.createDirectory(dir.resolve("share"));
        original = TestFiles.random(share.resolve("6.txt"), SIZE, 1);
        content = Files.readAllBytes(original);
        downloads = dir.resolve("downloads");
    }

    @Test
    void download_fromOneHolder_landsTheSameBytesUnderTheSameName() throws Exception {
        try (TestPeer peer = TestPeer.serving(share)) {
            Holder holder = peer.holder(1, "6.txt");
            FileHit hit = TestPeer.hitFor(original, holder);

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEqualTo(downloads.resolve("6.txt"));
            assertThat(Files.readAllBytes(result.path())).isEqualTo(content);
            assertThat(result.sha256()).isEqualTo(hit.sha256());
            assertThat(result.size()).isEqualTo(SIZE);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE);
            assertThat(result.peers()).containsExactly(holder);
            assertThat(result.elapsed()).isPositive();
            assertThat(downloads).isDirectoryNotContaining("glob:**.napster-part");
            assertThat(log).isEmpty();
        }
    }

    @Test
    void download_reportsProgressUpToTheSize() throws Exception {
        try (TestPeer peer = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "6.txt"));
            List<Long> progress = new CopyOnWriteArrayList<>();

            downloader.download(hit, hit.peers(), downloads, log::add, progress::add);

            assertThat(progress).isSorted().last().isEqualTo((long) SIZE);
        }
    }

    @Test
    void download_emptyFile_landsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(share.resolve("empty.txt"));
        try (TestPeer peer = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(empty, peer.holder(1, "empty.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEmptyFile();
        }
    }

    @Test
    void download_firstHolderStopped_getsTheFileFromTheNextHolder() throws Exception {
        try (TestPeer second = TestPeer.serving(share)) {
            TestPeer first = TestPeer.serving(share);
            Holder gone = first.holder(1, "6.txt");
            first.close();
            FileHit hit = TestPeer.hitFor(original, gone, second.holder(2, "6.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.readAllBytes(result.path())).isEqualTo(content);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).containsExactly("Peer 1 at 127.0.0.1:" + gone.port()
                    + " is not serving this file (connection refused); trying the next holder.");
        }
    }

    @Test
    void download_firstHolderSendsWrongBytes_dropsThemAndGetsTheFileFromTheNextHolder() throws Exception {
        try (FakeHolder liar = FakeHolder.answeringOk(SIZE, TestFiles.bytes(SIZE, 99));
             TestPeer honest = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, liar.port(), "6.txt"), honest.holder(2, "6.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(Files.readAllBytes(result.path())).isEqualTo(content);
            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).singleElement().asString().contains("(wrong SHA-256); trying the next holder.");
            assertThat(downloads).isDirectoryNotContaining("glob:**.napster-part");
        }
    }

    @Test
    void download_holderClosesEarly_triesTheNextHolder() throws Exception {
        try (FakeHolder quitter = FakeHolder.answeringOk(SIZE, TestFiles.bytes(1000, 1));
             TestPeer honest = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, quitter.port(), "6.txt"), honest.holder(2, "6.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).singleElement().asString()
                    .contains("(closed the connection after 1000 of " + SIZE + " bytes); trying the next holder.");
        }
    }

    @Test
    void download_holderBusyOrNotSharing_triesTheNextHolder() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        TestFiles.random(other.resolve("unrelated.bin"), 10, 2);
        try (FakeHolder busy = FakeHolder.answering("{\"status\":\"busy\",\"message\":\"All 1 upload slots are busy.\"}");
             TestPeer notSharing = TestPeer.serving(other);
             TestPeer honest = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, busy.port(), "6.txt"),
                    notSharing.holder(2, "6.txt"), honest.holder(3, "6.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(3);
            assertThat(log).hasSize(2);
            assertThat(log.get(0)).contains("(all upload slots busy)");
            assertThat(log.get(1)).contains("(not shared there)");
        }
    }

    @Test
    void download_holderOffersAnotherLength_triesTheNextHolder() throws Exception {
        try (FakeHolder wrongLength = FakeHolder.answeringOk(SIZE + 1, new byte[0]);
             TestPeer honest = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, wrongLength.port(), "6.txt"), honest.holder(2, "6.txt"));

            downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(log).singleElement().asString().contains("(offered " + (SIZE + 1) + " bytes instead of " + SIZE + ")");
        }
    }

    @Test
    void download_sameFileAlreadyThere_transfersNothing() throws Exception {
        Files.createDirectories(downloads);
        Files.write(downloads.resolve("6.txt"), content);
        FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, TestPeer.closedPort(), "6.txt"));

        DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

        assertThat(result.path()).isEqualTo(downloads.resolve("6.txt"));
        assertThat(result.bytesTransferred()).isZero();
        assertThat(result.peers()).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void download_differentFileWithThatName_landsAsANumberedCopyAndLeavesItAlone() throws Exception {
        Files.createDirectories(downloads);
        Path mine = Files.writeString(downloads.resolve("6.txt"), "my own notes");
        try (TestPeer peer = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "6.txt"));

            DownloadResult result = downloader.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.path()).isEqualTo(downloads.resolve("6 (1).txt"));
            assertThat(Files.readAllBytes(result.path())).isEqualTo(content);
            assertThat(mine).hasContent("my own notes");

            DownloadResult again = downloader.download(hit, hit.peers(), downloads, log::add);
            assertThat(again.path()).isEqualTo(downloads.resolve("6 (1).txt"));
            assertThat(again.bytesTransferred()).isZero();
        }
    }

    @Test
    void download_numberedNamesTaken_takesTheFirstFreeOne() throws Exception {
        Files.createDirectories(downloads);
        Files.writeString(downloads.resolve("6.txt"), "a");
        Files.writeString(downloads.resolve("6 (1).txt"), "b");
        try (TestPeer peer = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "6.txt"));

            assertThat(downloader.download(hit, hit.peers(), downloads, log::add).path()).isEqualTo(downloads.resolve("6 (2).txt"));
            assertThat(downloads.resolve("6.txt")).hasContent("a");
            assertThat(downloads.resolve("6 (1).txt")).hasContent("b");
        }
    }

    @Test
    void download_everyHolderFails_throwsOneSentenceNamingEachFailure() throws Exception {
        try (FakeHolder liar = FakeHolder.answeringOk(SIZE, TestFiles.bytes(SIZE, 99))) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, TestPeer.closedPort(), "6.txt"),
                    TestPeer.holderAt(2, liar.port(), "6.txt"));

            assertThatThrownBy(() -> downloader.download(hit, hit.peers(), downloads, log::add))
                    .isInstanceOf(DownloadException.class)
                    .hasMessage("No holder could deliver 6.txt: peer 1 (connection refused), peer 2 (wrong SHA-256).");
            assertThat(log).hasSize(2);
            assertThat(log.get(1)).endsWith("is not serving this file (wrong SHA-256).");
            assertThat(downloads).isEmptyDirectory();
        }
    }

    @Test
    void download_noHolders_throwsOneSentence() throws Exception {
        FileHit hit = TestPeer.hitFor(original);

        assertThatThrownBy(() -> downloader.download(hit, List.of(), downloads, log::add))
                .isInstanceOf(DownloadException.class)
                .hasMessage("No peer holds 6.txt right now.");
    }

    @Test
    void download_holderThatNeverAnswers_timesOutAndTriesTheNext() throws Exception {
        Downloader impatient = new Downloader(Duration.ofSeconds(5), Duration.ofMillis(300));
        // the kernel completes the handshake into the backlog; nobody ever accepts or answers
        try (ServerSocket neverAnswers = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TestPeer honest = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, TestPeer.holderAt(1, neverAnswers.getLocalPort(), "6.txt"),
                    honest.holder(2, "6.txt"));

            DownloadResult result = impatient.download(hit, hit.peers(), downloads, log::add);

            assertThat(result.peers()).extracting(Holder::peerId).containsExactly(2);
            assertThat(log).singleElement().asString().contains("(nothing received for 300 ms); trying the next holder.");
        }
    }

    @Test
    void ping_runningHolder_returnsTheRoundTrip() throws Exception {
        try (TestPeer peer = TestPeer.serving(share)) {
            assertThat(downloader.ping(peer.holder(1, "6.txt"))).isPositive().isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void ping_stoppedHolder_failsWithOneSentence() throws Exception {
        int port = TestPeer.closedPort();

        assertThatThrownBy(() -> downloader.ping(TestPeer.holderAt(4, port, "6.txt")))
                .isInstanceOf(IOException.class)
                .hasMessage("Peer 4 at 127.0.0.1:" + port + " did not answer the ping (connection refused).");
    }

    @Test
    void download_targetFolderMissing_isCreated() throws Exception {
        try (TestPeer peer = TestPeer.serving(share)) {
            FileHit hit = TestPeer.hitFor(original, peer.holder(1, "6.txt"));
            Path nested = downloads.resolve("a/b");

            assertThat(downloader.download(hit, hit.peers(), nested, log::add).path()).isEqualTo(nested.resolve("6.txt"));
        }
    }
}
