package napster.peer.transfer;

import static napster.peer.transfer.Wire.CHANGED;
import static napster.peer.transfer.Wire.PING;
import static napster.peer.transfer.Wire.PONG;
import static napster.peer.transfer.Wire.get;
import static napster.peer.transfer.Wire.info;
import static napster.peer.transfer.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import napster.common.protocol.FileHit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * A file server against clients and local changes that try to hold it, trick it or hang it:
 * silent sockets on every slot, a shared file swapped for a symlink, another file or a FIFO.
 */
class HostileClientIT {
    private static final int SIZE = OneFileShare.SIZE;

    @TempDir
    Path dir;
    OneFileShare one;
    Path file;

    @BeforeEach
    void shareOneFile() throws IOException {
        one = OneFileShare.in(dir);
        file = one.file();
    }

    @Test
    void silentConnections_asManyAsTheSlots_doNotStopRealDownloads() throws Exception {
        int slots = 8;
        List<Socket> silent = new ArrayList<>();
        try (TestPeer peer = TestPeer.serving(one.folder(), slots, Duration.ofSeconds(60))) {
            for (int i = 0; i < slots; i++) {
                silent.add(new Socket(InetAddress.getLoopbackAddress(), peer.port()));
            }
            await().until(() -> connectionsAccepted(peer) == slots);

            for (int i = 0; i < 3; i++) {
                try (RawClient client = new RawClient(peer.port())) {
                    client.send(get(one.sha256(), 0, SIZE));
                    assertThat(client.readLine()).isEqualTo(ok(SIZE));
                    assertThat(client.readBytes(SIZE)).isEqualTo(one.content());
                }
            }
            FileHit hit = TestPeer.hitFor(file, peer.holder(1, "song.mp3"));
            DownloadResult result = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(10))
                    .download(hit, hit.peers(), dir.resolve("downloads"), line -> { });
            assertThat(Files.readAllBytes(result.path())).isEqualTo(one.content());
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void get_sharedFileSwappedForASymlinkToAnOutsideFileOfTheSameSizeAndMtime_isRefused() throws IOException {
        Path outside = TestFiles.random(dir.resolve("outside/secret.bin"), SIZE, 99);
        try (TestPeer peer = TestPeer.serving(one.folder()); RawClient client = new RawClient(peer.port())) {
            FileTime mtime = Files.getLastModifiedTime(file);
            Files.setLastModifiedTime(outside, mtime);
            Files.delete(file);
            Files.createSymbolicLink(file, outside);
            assertThat(Files.size(file)).isEqualTo(SIZE); // followed, the link looks like the catalogued file
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);

            client.send(get(one.sha256(), 0, SIZE));
            assertThat(client.readLine()).isEqualTo(CHANGED);
            client.send(info(one.sha256()));
            assertThat(client.readLine()).isEqualTo(CHANGED);
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG); // nothing came between the answers
            assertThat(peer.log).noneMatch(line -> line.startsWith("Done sending"));
        }
    }

    @Test
    void get_sharedFileReplacedByAnotherOfTheSameSizeAndMtime_isRefused() throws IOException {
        Path other = TestFiles.random(dir.resolve("elsewhere/song.mp3"), SIZE, 98);
        try (TestPeer peer = TestPeer.serving(one.folder()); RawClient client = new RawClient(peer.port())) {
            Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
            Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            client.send(get(one.sha256(), 0, SIZE));

            assertThat(client.readLine()).isEqualTo(CHANGED);
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    /* On a server that opens the FIFO, open() blocks for good: the client's 10 s read timeout fails the test. */
    @Test
    void get_sharedFileSwappedForAFifo_answersNotFoundPromptlyAndFreesTheSlot() throws Exception {
        try (TestPeer peer = TestPeer.serving(one.folder(), 1, Duration.ofSeconds(30))) {
            Files.delete(file);
            makeFifo(file);

            try (RawClient client = new RawClient(peer.port())) {
                client.send(get(one.sha256(), 0, SIZE));
                assertThat(client.readLine()).isEqualTo(CHANGED);
                client.send(info(one.sha256()));
                assertThat(client.readLine()).isEqualTo(CHANGED);
            }

            await().untilAsserted(() -> assertThat(peer.server.freeSlots()).isEqualTo(1));
            try (RawClient next = new RawClient(peer.port())) {
                next.send(PING);
                assertThat(next.readLine()).isEqualTo(PONG);
            }
        }
    }

    private static void makeFifo(Path path) throws Exception {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TestAbortedException("mkfifo is not available here: " + e.getMessage());
        }
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
    }

    private static long connectionsAccepted(TestPeer peer) {
        return peer.log.stream().filter(line -> line.startsWith("[*] Got a connection from")).count();
    }
}
