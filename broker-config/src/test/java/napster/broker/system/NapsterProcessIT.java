package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through with the real launcher and separate processes: {@code ./napster up},
 * two {@code ./napster share}, then {@code search} and {@code get} as a user types them.
 */
class NapsterProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BROKER = Pattern.compile("Broker listening on (tcp://[0-9.]+:\\d+) \\(OpenWire\\)");
    private static final Pattern SHARING = Pattern.compile("Sharing (\\d+) files .* on 127\\.0\\.0\\.1:(\\d+) as peer (\\d+)\\.");

    @TempDir
    Path work;

    @Test
    void walkthrough_upSharesSearchGet_bytesArriveVerified() throws Exception {
        Path peer1 = Files.createDirectories(work.resolve("peer1"));
        Path peer2 = Files.createDirectories(work.resolve("peer2"));
        byte[] six = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(6).nextBytes(six);
        Files.write(peer1.resolve("6.txt"), six);
        Files.write(peer2.resolve("6.txt"), six);
        Files.writeString(peer2.resolve("2.txt"), "two\n");

        try (NapsterProcess up = NapsterProcess.start(work, "up", "--broker-port", "0", "--stomp-port", "0",
                "--data", work.resolve("data").toString())) {
            String broker = up.awaitLine(BROKER, Duration.ofSeconds(90)).group(1);
            up.awaitLine(Pattern.compile("^Indexer ready\\.$"), Duration.ofSeconds(30));

            try (NapsterProcess share1 = NapsterProcess.start(work, "share", peer1.toString(), "--broker", broker);
                 NapsterProcess share2 = NapsterProcess.start(work, "share", peer2.toString(), "--broker", broker)) {
                Matcher first = share1.awaitLine(SHARING, Duration.ofSeconds(60));
                Matcher second = share2.awaitLine(SHARING, Duration.ofSeconds(60));
                assertThat(first.group(1)).as("files shared by peer1").isEqualTo("1");
                assertThat(second.group(1)).as("files shared by peer2").isEqualTo("2");
                assertThat(java.util.Set.of(first.group(3), second.group(3))).containsExactlyInAnyOrder("1", "2");
                String peer2Id = second.group(3);

                NapsterProcess.Result search = NapsterProcess.run(work, "search", "6.txt", "--json", "--broker", broker);
                assertThat(search.exitCode()).as(search.output()).isZero();
                JsonNode hit = JSON.readTree(search.output()).get("results").get(0);
                assertThat(hit.get("peers")).hasSize(2);
                assertThat(hit.get("sha256").asText()).isEqualTo(WalkthroughIT.sha256(six));

                NapsterProcess.Result get = NapsterProcess.run(work, "get", "6.txt", "--from", peer2Id, "--to",
                        work.resolve("downloads").toString(), "--broker", broker);
                assertThat(get.exitCode()).as(get.output()).isZero();
                assertThat(get.output()).contains("from peer " + peer2Id);
                assertThat(Files.readAllBytes(work.resolve("downloads/6.txt"))).isEqualTo(six);
                share2.awaitLine(Pattern.compile("^Done sending 6\\.txt"), Duration.ofSeconds(10));

                // The seed's menu, typed: run peer, broker port, host, search, file, yes, peer id, quit.
                Path menuDir = Files.createDirectories(work.resolve("menu-user"));
                String brokerPort = broker.substring(broker.lastIndexOf(':') + 1);
                NapsterProcess.Result menu = NapsterProcess.runWithInput(menuDir,
                        "2\n" + brokerPort + "\n0\n1\n6.txt\ny\n" + peer2Id + "\nq\n");
                assertThat(menu.exitCode()).as(menu.output()).isZero();
                assertThat(menu.output()).contains("1 - Run Server", "Peer ID", "Successfully got the file");
                assertThat(Files.readAllBytes(menuDir.resolve("downloads/6.txt"))).isEqualTo(six);

                NapsterProcess.Result missing = NapsterProcess.run(work, "get", "nobody.txt", "--broker", broker);
                assertThat(missing.exitCode()).isEqualTo(1);
                assertThat(missing.output().strip()).isEqualTo("No peer shares a file named nobody.txt.");
            }
        }
    }

    @Test
    void search_brokerNotRunning_exitsOneWithOneSentenceQuickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long began = System.nanoTime();
        NapsterProcess.Result result = NapsterProcess.run(work, "search", "6.txt", "--broker",
                "tcp://127.0.0.1:" + port);
        System.out.printf("search with no broker exited %d after %d ms%n", result.exitCode(),
                (System.nanoTime() - began) / 1_000_000);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().lines().toList()).hasSize(1);
        assertThat(result.output()).startsWith("Cannot reach the broker at tcp://127.0.0.1:" + port);
    }
}
