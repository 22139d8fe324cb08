package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import napster.peer.share.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileServerIT {
    private static final int SIZE = 100_000;
    private static final String PING = "{\"op\":\"ping\"}";
    private static final String PONG = "{\"status\":\"ok\"}";

    @TempDir
    Path dir;
    Path share;
    Path file;
    byte[] content;
    String sha256;

    @BeforeEach
    void shareOneFile() throws IOException {
        share = Files.createDirectory(dir.resolve("share"));
        file = TestFiles.random(share.resolve("song.mp3"), SIZE, 1);
        content = Files.readAllBytes(file);
        sha256 = FileHasher.sha256(file);
    }

    @Test
    void get_sharedContent_sendsExactlyTheFileBytes() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get(sha256, 0, SIZE));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":" + SIZE + "}");
            assertThat(client.readBytes(SIZE)).isEqualTo(content);
            await().untilAsserted(() -> assertThat(peer.log)
                    .anyMatch(line -> line.startsWith("[*] Got a connection from 127.0.0.1:"))
                    .anyMatch(line -> line.startsWith("Done sending song.mp3 (" + SIZE + " bytes) to 127.0.0.1:")));
        }
    }

    @Test
    void get_range_sendsExactlyThoseBytes() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get(sha256, 1_000, 5_000));
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":5000}");
            assertThat(client.readBytes(5_000)).isEqualTo(Arrays.copyOfRange(content, 1_000, 6_000));

            client.send(get(sha256, SIZE - 1, 1));
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":1}");
            assertThat(client.readBytes(1)).containsExactly(content[SIZE - 1]);

            client.send(get(sha256, SIZE, 0));
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":0}");
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void ping_answersOkAndKeepsTheConnection() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void requests_pipelinedInOneWrite_areAnsweredInOrder() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(PING + "\n" + get(sha256, 0, 3) + "\n" + PING);

            assertThat(client.readLine()).isEqualTo(PONG);
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":3}");
            assertThat(client.readBytes(3)).isEqualTo(Arrays.copyOf(content, 3));
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void get_hashNotShared_answersNotFoundAndKeepsTheConnection() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get("0".repeat(64), 0, 1));

            assertThat(client.readLine()).startsWith("{\"status\":\"not-found\",");
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void get_fileOutsideTheShareReachedThroughASymlink_isNotFound() throws IOException {
        Path secret = TestFiles.random(dir.resolve("outside/secret.key"), 64, 7);
        Files.createSymbolicLink(share.resolve("innocent.txt"), secret);

        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get(FileHasher.sha256(secret), 0, 64));

            assertThat(client.readLine()).startsWith("{\"status\":\"not-found\",");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"op\":\"get\",\"sha256\":\"../../etc/passwd\",\"offset\":0,\"length\":10}",
        "{\"op\":\"get\",\"path\":\"/etc/passwd\",\"offset\":0,\"length\":10}",
        "{\"op\":\"get\",\"sha256\":\"/etc/passwd\"}",
        "{\"op\":\"get\",\"sha256\":\"%s\",\"offset\":-1,\"length\":10}",
        "{\"op\":\"get\",\"sha256\":\"%s\",\"offset\":\"zero\",\"length\":10}",
        "{\"op\":\"delete\",\"sha256\":\"%s\"}",
        "{\"sha256\":\"%s\"}",
        "GET /etc/passwd HTTP/1.0",
        "",
        "null",
        "[1,2,3]",
        "{\"op\":\"get\""
    })
    void request_malformedOrPathLike_answersErrorAndCloses(String request) throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(request.replace("%s", sha256));

            assertThat(client.readLine()).startsWith("{\"status\":\"error\",\"message\":");
            assertThat(client.isClosedByServer()).isTrue();
            assertThat(peer.log).noneMatch(line -> line.startsWith("Done sending"));
        }
    }

    @Test
    void request_binaryGarbage_answersErrorAndCloses() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            byte[] garbage = TestFiles.bytes(500, 3);
            garbage[499] = '\n';
            client.sendRaw(garbage);

            assertThat(client.readLine()).startsWith("{\"status\":\"error\",");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void request_lineLongerThan8KiB_answersErrorAndCloses() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            String padding = "x".repeat(9_000);
            client.send("{\"op\":\"get\",\"sha256\":\"" + sha256 + "\",\"offset\":0,\"length\":10,\"pad\":\"" + padding + "\"}");

            assertThat(client.readLine()).isEqualTo("{\"status\":\"error\",\"message\":\"A line is longer than 8192 bytes.\"}");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {SIZE - 10, SIZE + 1, Long.MAX_VALUE})
    void get_rangeBeyondTheEnd_answersErrorAndCloses(long offset) throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get(sha256, offset, offset == Long.MAX_VALUE ? Long.MAX_VALUE : 20));

            assertThat(client.readLine()).startsWith("{\"status\":\"error\",\"message\":\"Bytes ");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void get_fileChangedOnDiskSinceTheScan_answersNotFound() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            Files.write(file, new byte[] {42}, StandardOpenOption.APPEND);

            client.send(get(sha256, 0, SIZE));

            assertThat(client.readLine()).isEqualTo(
                    "{\"status\":\"not-found\",\"message\":\"That content changed on disk since it was shared.\"}");
        }
    }

    @Test
    void get_fileDeletedSinceTheScan_answersNotFound() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            Files.delete(file);

            client.send(get(sha256, 0, SIZE));

            assertThat(client.readLine()).startsWith("{\"status\":\"not-found\",");
        }
    }

    @Test
    void connection_beyondTheUploadSlots_isToldBusyAndClosed() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, 1, Duration.ofSeconds(30));
             RawClient holdingTheSlot = new RawClient(peer.port())) {
            holdingTheSlot.send(PING);
            assertThat(holdingTheSlot.readLine()).isEqualTo(PONG);

            try (RawClient late = new RawClient(peer.port())) {
                late.send(get(sha256, 0, SIZE));

                assertThat(late.readLine()).isEqualTo(
                        "{\"status\":\"busy\",\"message\":\"All 1 upload slots are busy; try again later.\"}");
                assertThat(late.isClosedByServer()).isTrue();
            }
            assertThat(peer.log).anyMatch(line -> line.startsWith("Refused 127.0.0.1:"));
        }
    }

    @Test
    void slot_freedWhenItsConnectionCloses_servesTheNextClient() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, 1, Duration.ofSeconds(30))) {
            try (RawClient first = new RawClient(peer.port())) {
                first.send(PING);
                assertThat(first.readLine()).isEqualTo(PONG);
            }

            await().untilAsserted(() -> {
                try (RawClient next = new RawClient(peer.port())) {
                    next.send(PING);
                    assertThat(next.readLine()).isEqualTo(PONG);
                }
            });
        }
    }

    @Test
    void connection_silentPastTheIdleTimeout_isClosedAndFreesItsSlot() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, 1, Duration.ofMillis(300));
             RawClient silent = new RawClient(peer.port())) {

            assertThat(silent.isClosedByServer()).isTrue();
            await().untilAsserted(() -> assertThat(peer.log).anyMatch(line -> line.startsWith("Closed the idle connection from 127.0.0.1:")));
            try (RawClient next = new RawClient(peer.port())) {
                next.send(PING);
                assertThat(next.readLine()).isEqualTo(PONG);
            }
        }
    }

    @Test
    void connection_readerThatStopsReading_isClosedAfterTheIdleTimeout() throws IOException {
        Path big = TestFiles.random(share.resolve("big.bin"), 32 << 20, 5);
        try (TestPeer peer = TestPeer.serving(share, 1, Duration.ofMillis(500));
             RawClient stalled = new RawClient(peer.port())) {
            stalled.send(get(FileHasher.sha256(big), 0, Files.size(big)));
            assertThat(stalled.readLine()).startsWith("{\"status\":\"ok\"");

            await().untilAsserted(() -> assertThat(peer.log).anyMatch(line -> line.startsWith("Closed the idle connection")));
            try (RawClient next = new RawClient(peer.port())) {
                next.send(PING);
                assertThat(next.readLine()).isEqualTo(PONG);
            }
        }
    }

    @Test
    void start_portAlreadyInUse_failsNamingHostAndPort() throws IOException {
        try (TestPeer peer = TestPeer.serving(share)) {
            ServerSettings samePort = new ServerSettings("127.0.0.1", peer.port(), 1, Duration.ofSeconds(1));

            assertThatThrownBy(() -> FileServer.start(samePort, sha -> Optional.empty(), line -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot listen on 127.0.0.1:" + peer.port() + ": ");
        }
    }

    @Test
    void close_withOpenConnections_stopsEveryThreadItStarted() throws IOException {
        TestPeer peer = TestPeer.serving(share, 2, Duration.ofSeconds(30));
        String port = String.valueOf(peer.port());
        try (RawClient open = new RawClient(peer.port())) {
            open.send(PING);
            assertThat(open.readLine()).isEqualTo(PONG);
            assertThat(threadsServing(port)).isNotEmpty();

            peer.close();

            assertThat(open.isClosedByServer()).isTrue();
            await().untilAsserted(() -> assertThat(threadsServing(port)).isEmpty());
        }
    }

    private static List<String> threadsServing(String port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("peer-") && Arrays.asList(name.split("-")).contains(port))
                .toList();
    }

    private static String get(String sha256, long offset, long length) {
        return "{\"op\":\"get\",\"sha256\":\"" + sha256 + "\",\"offset\":" + offset + ",\"length\":" + length + "}";
    }
}
