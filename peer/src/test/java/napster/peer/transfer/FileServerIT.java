package napster.peer.transfer;

import static napster.peer.transfer.Wire.PING;
import static napster.peer.transfer.Wire.PONG;
import static napster.peer.transfer.Wire.get;
import static napster.peer.transfer.Wire.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import napster.common.transfer.ChunkHashes;
import napster.peer.share.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileServerIT {
    private static final int SIZE = OneFileShare.SIZE;
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    private static final int TWO_CHUNKS = CHUNK + 100_000;

    @TempDir
    Path dir;
    Path share;
    Path file;
    byte[] content;
    String sha256;

    @BeforeEach
    void shareOneFile() throws IOException {
        OneFileShare one = OneFileShare.in(dir);
        share = one.folder();
        file = one.file();
        content = one.content();
        sha256 = one.sha256();
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
    @CsvSource({
        "99990, 20, A range of 20 bytes at offset 99990 lies beyond the end of the 100000-byte content.",
        "100001, 0, A range of 0 bytes at offset 100001 lies beyond the end of the 100000-byte content.",
        "9223372036854775807, 9223372036854775807, A range of 9223372036854775807 bytes at offset "
                + "9223372036854775807 lies beyond the end of the 100000-byte content.",
        "1, 9223372036854775807, A range of 9223372036854775807 bytes at offset 1 lies beyond the end of the "
                + "100000-byte content."
    })
    void get_rangeBeyondTheEnd_answersErrorWithoutOverflowAndCloses(long offset, long length, String message)
            throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(get(sha256, offset, length));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"error\",\"message\":\"" + message + "\"}");
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
    void info_twoChunkFile_answersSizeAndChunkSizeThenTheHashOfEachChunk() throws IOException {
        byte[] big = TestFiles.bytes(TWO_CHUNKS, 9);
        Files.write(share.resolve("big.bin"), big);

        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info(sha256(big)));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":64,\"size\":" + TWO_CHUNKS
                    + ",\"chunkSize\":4194304}");
            assertThat(client.readBytes(64)).isEqualTo(concat(sha256Bytes(slice(big, 0, CHUNK)),
                    sha256Bytes(slice(big, CHUNK, TWO_CHUNKS))));
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    /* The worked example of PROTOCOL.md 11.5, byte for byte: 4 MiB of zeros, then "hello\n". */
    @Test
    void info_thenPipelinedGets_matchTheTwoChunkExampleOfTheProtocol() throws IOException {
        byte[] twoChunks = Arrays.copyOf(new byte[CHUNK], CHUNK + 6);
        System.arraycopy("hello\n".getBytes(StandardCharsets.US_ASCII), 0, twoChunks, CHUNK, 6);
        Files.write(share.resolve("two-chunks.bin"), twoChunks);
        String hash = "976f90de3486f44bfd39475dda8005be842aa67466a8d989372eaabfe5ef99c3";

        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info(hash));
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":64,\"size\":4194310,\"chunkSize\":4194304}");
            assertThat(HexFormat.of().formatHex(client.readBytes(64))).isEqualTo(
                    "bb9f8df61474d25e71fa00722318cd387396ca1736605e1248821cc0de3d3af8"
                    + "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");

            client.send(get(hash, 0, 4194304) + "\n" + get(hash, 4194304, 6));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":4194304}");
            assertThat(client.readBytes(CHUNK)).isEqualTo(new byte[CHUNK]);
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":6}");
            assertThat(client.readBytes(6)).asString(StandardCharsets.US_ASCII).isEqualTo("hello\n");
        }
    }

    @Test
    void info_emptyFile_answersNoChunks() throws IOException {
        Files.write(share.resolve("empty.bin"), new byte[0]);

        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info(sha256(new byte[0])));
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":0,\"size\":0,\"chunkSize\":4194304}");
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void info_oneChunkFile_answersTheFileHashAsItsOnlyChunkHash() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info(sha256));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":32,\"size\":" + SIZE
                    + ",\"chunkSize\":4194304}");
            assertThat(client.readBytes(32)).isEqualTo(HexFormat.of().parseHex(sha256));
        }
    }

    @Test
    void info_thenTwoPipelinedGetsOfTheChunks_sendsEachChunkOnTheSameConnection() throws IOException {
        byte[] big = TestFiles.bytes(TWO_CHUNKS, 9);
        Files.write(share.resolve("big.bin"), big);
        String hash = sha256(big);

        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info(hash));
            assertThat(client.readLine()).startsWith("{\"status\":\"ok\",\"length\":64,");
            byte[] chunkHashes = client.readBytes(64);

            client.send(get(hash, 0, CHUNK) + "\n" + get(hash, CHUNK, TWO_CHUNKS - CHUNK));

            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":" + CHUNK + "}");
            byte[] first = client.readBytes(CHUNK);
            assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":" + (TWO_CHUNKS - CHUNK) + "}");
            byte[] second = client.readBytes(TWO_CHUNKS - CHUNK);
            assertThat(concat(first, second)).isEqualTo(big);
            assertThat(concat(sha256Bytes(first), sha256Bytes(second))).isEqualTo(chunkHashes);
        }
    }

    @Test
    void info_hashNotShared_answersNotFoundAndKeepsTheConnection() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            client.send(info("0".repeat(64)));

            assertThat(client.readLine()).isEqualTo(
                    "{\"status\":\"not-found\",\"message\":\"This peer does not share that content.\"}");
            client.send(PING);
            assertThat(client.readLine()).isEqualTo(PONG);
        }
    }

    @Test
    void info_fileChangedOnDiskSinceTheScan_answersNotFound() throws IOException {
        try (TestPeer peer = TestPeer.serving(share); RawClient client = new RawClient(peer.port())) {
            Files.write(file, new byte[] {42}, StandardOpenOption.APPEND);

            client.send(info(sha256));

            assertThat(client.readLine()).isEqualTo(
                    "{\"status\":\"not-found\",\"message\":\"That content changed on disk since it was shared.\"}");
        }
    }

    @Test
    void uploadCap_twoConcurrentDownloads_togetherNeverExceedTheCap() throws Exception {
        long cap = 2 << 20;
        assertThat(rateOfTwoDownloadsCappedAt(cap)).isLessThanOrEqualTo(cap * 1.1);
    }

    @Test
    @Tag("speed")
    void uploadCap_twoConcurrentDownloads_shareTheCapTogether() throws Exception {
        long cap = 2 << 20;
        assertThat(rateOfTwoDownloadsCappedAt(cap)).isBetween(cap / 2.0, cap * 1.1);
    }

    private double rateOfTwoDownloadsCappedAt(long cap) throws Exception {
        int size = 3 << 20;
        String one = FileHasher.sha256(TestFiles.random(share.resolve("one.bin"), size, 21));
        String two = FileHasher.sha256(TestFiles.random(share.resolve("two.bin"), size, 22));
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (TestPeer peer = TestPeer.serving(share, new ServerSettings("127.0.0.1", 0, 4, Duration.ofSeconds(10), cap));
             RawClient first = new RawClient(peer.port());
             RawClient second = new RawClient(peer.port())) {
            long start = System.nanoTime();
            Future<byte[]> a = readers.submit(() -> download(first, one, size));
            Future<byte[]> b = readers.submit(() -> download(second, two, size));

            assertThat(sha256(a.get(30, TimeUnit.SECONDS))).isEqualTo(one);
            assertThat(sha256(b.get(30, TimeUnit.SECONDS))).isEqualTo(two);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = 2.0 * size / seconds;
            System.out.printf("[upload cap] 2 x %d MiB at a cap of %d MiB/s: %.2f s, %.2f MiB/s together%n",
                    size >> 20, cap >> 20, seconds, rate / (1 << 20));
            return rate;
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void uploadCap_waitLongerThanTheIdleTimeout_isNotTakenForAnIdleClient() throws IOException {
        int size = 64 << 10;
        String hash = FileHasher.sha256(TestFiles.random(share.resolve("slow.bin"), size, 23));
        // 16 KiB slices at 32 KiB/s: each waits about 500 ms on the cap, longer than the 300 ms idle timeout
        ServerSettings slow = new ServerSettings("127.0.0.1", 0, 1, Duration.ofMillis(300), 32 << 10);

        try (TestPeer peer = TestPeer.serving(share, slow); RawClient client = new RawClient(peer.port())) {
            assertThat(sha256(download(client, hash, size))).isEqualTo(hash);
            assertThat(peer.log).noneMatch(line -> line.startsWith("Closed the idle connection"));
        }
    }

    @Test
    void close_whileAnUploadWaitsOnTheCap_stopsPromptly() throws IOException {
        int size = 1 << 20;
        String hash = FileHasher.sha256(TestFiles.random(share.resolve("slow.bin"), size, 24));
        TestPeer peer = TestPeer.serving(share, new ServerSettings("127.0.0.1", 0, 1, Duration.ofSeconds(30), 1024));
        String port = String.valueOf(peer.port());
        try (RawClient client = new RawClient(peer.port())) {
            client.send(get(hash, 0, size));
            assertThat(client.readLine()).startsWith("{\"status\":\"ok\"");
            client.readBytes(16 << 10); // the burst; the next slice waits about 16 s at 1 KiB/s

            long start = System.nanoTime();
            peer.close();

            // a pool thread may still be on its way out for a moment after its task ended
            await().atMost(Duration.ofSeconds(3)).until(() -> threadsServing(port).isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void freeSlots_dropWhileAConnectionIsOpenAndComeBackWhenItCloses() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, 2, Duration.ofSeconds(30))) {
            assertThat(peer.server.slots()).isEqualTo(2);
            assertThat(peer.server.freeSlots()).isEqualTo(2);

            try (RawClient client = new RawClient(peer.port())) {
                client.send(PING);
                assertThat(client.readLine()).isEqualTo(PONG);
                assertThat(peer.server.freeSlots()).isEqualTo(1);
            }

            await().untilAsserted(() -> assertThat(peer.server.freeSlots()).isEqualTo(2));
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

    private static byte[] download(RawClient client, String sha256, int size) throws IOException {
        client.send(get(sha256, 0, size));
        assertThat(client.readLine()).isEqualTo("{\"status\":\"ok\",\"length\":" + size + "}");
        return client.readBytes(size);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /* Independent of the server's hashing: one MessageDigest over exactly these bytes. */
    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }
}
