package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness with real, separate processes: peers killed or stopped, the indexer killed and
 * restarted, the broker killed and restarted on the same port and data. Every bound is the
 * issue's; each test prints how long recovery really took.
 */
class LivenessProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BROKER = Pattern.compile("Broker listening on (tcp://[0-9.]+:(\\d+)) \\(OpenWire\\)");
    private static final Pattern INDEXER_READY = Pattern.compile("^Indexer ready");
    private static final Pattern SHARING = Pattern.compile("Sharing (\\d+) files .* on [^ ]+:(\\d+) as peer (\\d+)\\.");

    @TempDir
    Path work;

    @Test
    void peerKilledOrStopped_leavesTheResults() throws Exception {
        Path folder1 = folder("killed", "killed.txt");
        Path folder2 = folder("stopped", "stopped.txt");
        try (NapsterProcess up = NapsterProcess.start(work, "up", "--broker-port", "0", "--stomp-port", "0",
                "--console-port", "0", "--data", work.resolve("data").toString())) {
            String broker = up.awaitLine(BROKER, Duration.ofSeconds(90)).group(1);
            up.awaitLine(INDEXER_READY, Duration.ofSeconds(30));
            NapsterProcess killed = NapsterProcess.start(work, "share", folder1.toString(), "--broker", broker);
            NapsterProcess stopped = NapsterProcess.start(work, "share", folder2.toString(), "--broker", broker);
            try (killed; stopped) {
                killed.awaitLine(SHARING, Duration.ofSeconds(60));
                stopped.awaitLine(SHARING, Duration.ofSeconds(60));
                assertThat(names(broker, "txt")).contains("killed.txt", "stopped.txt");

                long began = System.nanoTime();
                stopped.close();
                await().atMost(Duration.ofSeconds(5)).until(() -> !names(broker, "txt").contains("stopped.txt"));
                System.out.printf("SIGTERMed peer left the results after %d ms%n", millisSince(began));

                began = System.nanoTime();
                killed.kill();
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !names(broker, "txt").contains("killed.txt"));
                System.out.printf("SIGKILLed peer left the results after %d ms%n", millisSince(began));
            }
        }
    }

    @Test
    void indexerKilledAndRestarted_everyPeersFilesComeBack() throws Exception {
        try (NapsterProcess brokerProcess = NapsterProcess.start(work, "broker", "--broker-port", "0",
                "--stomp-port", "0", "--console-port", "0", "--data", work.resolve("data").toString())) {
            String broker = brokerProcess.awaitLine(BROKER, Duration.ofSeconds(90)).group(1);
            NapsterProcess indexer = NapsterProcess.start(work, "indexer", "--broker", broker);
            indexer.awaitLine(INDEXER_READY, Duration.ofSeconds(60));
            try (NapsterProcess peer1 = NapsterProcess.start(work, "share", folder("p1", "one.txt").toString(),
                    "--broker", broker);
                 NapsterProcess peer2 = NapsterProcess.start(work, "share", folder("p2", "two.txt").toString(),
                         "--broker", broker)) {
                peer1.awaitLine(SHARING, Duration.ofSeconds(60));
                peer2.awaitLine(SHARING, Duration.ofSeconds(60));
                assertThat(names(broker, "txt")).contains("one.txt", "two.txt");

                indexer.kill();
                long began = System.nanoTime();
                try (NapsterProcess restarted = NapsterProcess.start(work, "indexer", "--broker", broker)) {
                    restarted.awaitLine(INDEXER_READY, Duration.ofSeconds(60));
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                            .until(() -> names(broker, "txt").containsAll(Set.of("one.txt", "two.txt")));
                    System.out.printf("after an indexer restart every peer's files were back in %d ms%n",
                            millisSince(began));
                }
            } finally {
                indexer.close();
            }
        }
    }

    @Test
    void brokerKilledAndRestarted_everythingComesBackAndDownloadsWork() throws Exception {
        Path data = work.resolve("data");
        // A free port picked now, so the broker can come back on the same one after the kill.
        String port = String.valueOf(freePort());
        String broker = "tcp://127.0.0.1:" + port;
        try (NapsterProcess brokerAgain = NapsterProcess.start(work, "broker", "--broker-port", port,
                "--stomp-port", "0", "--console-port", "0", "--data", data.toString())) {
            brokerAgain.awaitLine(BROKER, Duration.ofSeconds(90));
            NapsterProcess indexer = NapsterProcess.start(work, "indexer", "--broker", broker);
            NapsterProcess peer = NapsterProcess.start(work, "share", folder("p1", "survivor.txt").toString(),
                    "--broker", broker);
            try (indexer; peer) {
                indexer.awaitLine(INDEXER_READY, Duration.ofSeconds(60));
                int peerPort = Integer.parseInt(peer.awaitLine(SHARING, Duration.ofSeconds(60)).group(2));
                assertThat(names(broker, "txt")).contains("survivor.txt");

                brokerAgain.kill();
                long began = System.nanoTime();
                CliRun search = CliRun.of("search", "survivor.txt", "--broker", broker);
                long searchMillis = millisSince(began);
                System.out.printf("search with the broker down exited %d after %d ms: %s", search.exitCode(),
                        searchMillis, search.err());
                assertThat(search.exitCode()).isEqualTo(1);
                assertThat(searchMillis).isLessThan(10_000);
                assertThat(search.err()).startsWith("Cannot reach the broker at " + broker).hasLineCount(1);
                assertThat(fetch(peerPort, "survivor.txt\n")).as("the peer serves while the broker is down")
                        .isEqualTo("survivor.txt\n");
                peer.awaitLine(Pattern.compile("^Lost the broker; still serving files"), Duration.ofSeconds(30));
                began = System.nanoTime();
                try (NapsterProcess restarted = NapsterProcess.start(work, "broker", "--broker-port", port,
                        "--stomp-port", "0", "--console-port", "0", "--data", data.toString())) {
                    restarted.awaitLine(BROKER, Duration.ofSeconds(90));
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> names(broker, "txt").contains("survivor.txt"));
                    System.out.printf("after a broker restart the peer's files were back in %d ms%n",
                            millisSince(began));
                    CliRun get = CliRun.of("get", "survivor.txt", "--to", work.resolve("dl").toString(),
                            "--broker", broker);
                    assertThat(get.exitCode()).as(get.err()).isZero();
                    assertThat(Files.readString(work.resolve("dl/survivor.txt"))).isEqualTo("survivor.txt\n");
                }
            }
        }
    }

    /** Gets a file straight from a peer's transfer port by its content hash: one request line, a status line, the bytes. */
    private static String fetch(int port, String content) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        int length = content.getBytes(StandardCharsets.UTF_8).length;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("{\"op\":\"get\",\"sha256\":\"" + sha256 + "\",\"offset\":0,\"length\":"
                    + length + "}\n").getBytes(StandardCharsets.UTF_8));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new AssertionError("the peer hung up before its status line");
                }
                status.write(b);
            }
            assertThat(status.toString(StandardCharsets.UTF_8))
                    .isEqualTo("{\"status\":\"ok\",\"length\":" + length + "}");
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Path folder(String name, String file) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name));
        Files.writeString(folder.resolve(file), file + "\n");
        return folder;
    }

    /** The file names a search finds now; empty when the search fails (e.g. broker down). */
    private static Set<String> names(String broker, String query) throws Exception {
        CliRun run = CliRun.of("search", query, "--json", "--timeout", "2", "--broker", broker);
        Set<String> names = new TreeSet<>();
        if (run.exitCode() != 0 || run.out().isBlank()) {
            return names;
        }
        for (JsonNode hit : JSON.readTree(run.out()).get("results")) {
            names.add(hit.get("name").asText());
        }
        return names;
    }

    private static long millisSince(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
