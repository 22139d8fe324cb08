package napster.peer.transfer;

import static napster.peer.transfer.Wire.PING;
import static napster.peer.transfer.Wire.PONG;
import static napster.peer.transfer.Wire.get;
import static napster.peer.transfer.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import napster.peer.share.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a connection may cost the file server: before its first request no slot and no thread,
 * a bounded place among the waiting ones and the request timeout; with a slot, the request
 * timeout between requests and the stall timeout while it is answered. Timeouts are short here;
 * the one a test does not exercise is long, so only the one under test can close a connection.
 */
class ConnectionLimitsIT {
    private static final int SIZE = OneFileShare.SIZE;
    private static final Duration SHORT = Duration.ofMillis(500);
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    OneFileShare one;
    Path share;

    @BeforeEach
    void shareOneFile() throws IOException {
        one = OneFileShare.in(dir);
        share = one.folder();
    }

    private static ServerSettings settings(int slots, int pendingLimit, Duration requestTimeout, Duration stallTimeout) {
        return new ServerSettings("127.0.0.1", 0, slots, pendingLimit, requestTimeout, stallTimeout, 0);
    }

    @Test
    void flood_ofSilentConnections_pushesOutTheOldestAndDoesNotLockOutARealClient() throws IOException {
        int flood = 200;
        int pendingLimit = 16;
        List<SocketChannel> silent = new ArrayList<>();
        try (TestPeer peer = TestPeer.serving(share, settings(2, pendingLimit, LONG, LONG))) {
            for (int i = 0; i < flood; i++) {
                silent.add(openSilently(peer.port()));
            }

            try (RawClient client = new RawClient(peer.port())) {
                client.send(get(one.sha256(), 0, SIZE));
                assertThat(client.readLine()).isEqualTo(ok(SIZE));
                assertThat(client.readBytes(SIZE)).isEqualTo(one.content());
            }

            // the request timeout is a minute: only pushing out the oldest closes them this soon
            await().untilAsserted(() -> assertThat(closedByServer(silent)).hasSizeGreaterThanOrEqualTo(flood - pendingLimit));
            assertThat(closedByServer(silent.subList(0, flood / 2))).hasSize(flood / 2);
            assertThat(peer.server.freeSlots()).isEqualTo(2);
            assertThat(threadsNamed("peer-upload-" + peer.port() + "-")).hasSizeLessThanOrEqualTo(1);
            assertThat(peer.log).anyMatch(line -> line.startsWith("Closed the waiting connection from 127.0.0.1:"));
        } finally {
            closeAll(silent);
        }
    }

    @Test
    void silentConnection_takesNoSlotAndIsClosedAfterTheRequestTimeout() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, settings(1, 8, SHORT, LONG))) {
            long start = System.nanoTime();
            try (RawClient silent = new RawClient(peer.port()); RawClient halfALine = new RawClient(peer.port())) {
                halfALine.sendRaw("{\"op\":\"pi".getBytes(StandardCharsets.UTF_8));
                try (RawClient real = new RawClient(peer.port())) {
                    real.send(PING);
                    assertThat(real.readLine()).isEqualTo(PONG);
                }

                assertThat(silent.isClosedByServer()).isTrue();
                assertThat(halfALine.isClosedByServer()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
            await().untilAsserted(() -> assertThat(peer.log)
                    .filteredOn(line -> line.startsWith("Closed the idle connection from 127.0.0.1:")).hasSize(2));
        }
    }

    @Test
    void badFirstRequest_isAnsweredErrorEvenWhenEverySlotIsTaken() throws IOException {
        try (TestPeer peer = TestPeer.serving(share, settings(1, 8, LONG, LONG));
             RawClient holdingTheSlot = new RawClient(peer.port())) {
            holdingTheSlot.send(PING);
            assertThat(holdingTheSlot.readLine()).isEqualTo(PONG);

            try (RawClient junk = new RawClient(peer.port()); RawClient late = new RawClient(peer.port())) {
                junk.send("GET / HTTP/1.0");
                assertThat(junk.readLine()).startsWith("{\"status\":\"error\",");
                assertThat(junk.isClosedByServer()).isTrue();

                late.send(PING);
                assertThat(late.readLine()).startsWith("{\"status\":\"busy\",");
                assertThat(late.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void connectionIdleAfterARequest_isClosedAfterTheRequestTimeoutAndFreesItsSlot() throws IOException {
        // long enough that the slot is surely still held when the answer has been read
        Duration requestTimeout = Duration.ofSeconds(2);
        try (TestPeer peer = TestPeer.serving(share, settings(1, 8, requestTimeout, LONG));
             RawClient idle = new RawClient(peer.port())) {
            idle.send(PING);
            assertThat(idle.readLine()).isEqualTo(PONG);
            assertThat(peer.server.freeSlots()).isZero();

            assertThat(idle.isClosedByServer()).isTrue();
            await().untilAsserted(() -> assertThat(peer.server.freeSlots()).isEqualTo(1));
            assertThat(peer.log).anyMatch(line -> line.startsWith("Closed the idle connection from 127.0.0.1:")
                    && line.endsWith(": no whole request within 2000 ms."));
        }
    }

    @Test
    void readerThatStopsReading_isClosedAfterTheStallTimeoutAndFreesItsSlot() throws IOException {
        Path big = TestFiles.random(share.resolve("big.bin"), 32 << 20, 5);
        try (TestPeer peer = TestPeer.serving(share, settings(1, 8, LONG, SHORT));
             RawClient stalled = new RawClient(peer.port())) {
            stalled.send(get(FileHasher.sha256(big), 0, Files.size(big)));
            assertThat(stalled.readLine()).startsWith("{\"status\":\"ok\"");

            await().untilAsserted(() -> assertThat(peer.server.freeSlots()).isEqualTo(1));
            assertThat(peer.log).anyMatch(line -> line.startsWith("Closed the idle connection from 127.0.0.1:")
                    && line.endsWith(": it took no bytes for 500 ms."));
            try (RawClient next = new RawClient(peer.port())) {
                next.send(PING);
                assertThat(next.readLine()).isEqualTo(PONG);
            }
        }
    }

    private static SocketChannel openSilently(int port) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.configureBlocking(false);
        return channel;
    }

    /* A non-blocking read tells without waiting: -1 (or a reset) once the server closed, 0 while it is open. */
    private static List<SocketChannel> closedByServer(List<SocketChannel> channels) {
        List<SocketChannel> closed = new ArrayList<>();
        for (SocketChannel channel : channels) {
            try {
                if (channel.read(ByteBuffer.allocate(1)) < 0) {
                    closed.add(channel);
                }
            } catch (IOException e) {
                closed.add(channel);
            }
        }
        return closed;
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    private static void closeAll(List<SocketChannel> channels) throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }
}
