package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.session.SharingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's walk-through on the real broker, in one JVM: two peers share folders holding
 * the same 6.txt, a third party searches and downloads through the real command line.
 */
class WalkthroughIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIX = "the same six bytes on two peers\n";

    @TempDir
    Path work;

    private NapsterSystem system;
    private SharingSession peer1;
    private SharingSession peer2;
    private final List<String> peerLog = new ArrayList<>();

    @BeforeEach
    void startServerAndTwoPeers() throws Exception {
        system = NapsterSystem.start(work);
        Path folder1 = Files.createDirectories(work.resolve("peer1/testing_files"));
        Path folder2 = Files.createDirectories(work.resolve("peer2/testing_files"));
        Files.writeString(folder1.resolve("6.txt"), SIX);
        Files.writeString(folder1.resolve("1.txt"), "only on peer one\n");
        Files.writeString(folder2.resolve("6.txt"), SIX);
        Files.writeString(Files.createDirectories(folder2.resolve("nested")).resolve("Report.PDF"), "pdf-ish\n");
        peer1 = system.share(folder1, peerLog);
        peer2 = system.share(folder2, peerLog);
    }

    @AfterEach
    void stop() throws Exception {
        system.close();
    }

    @Test
    void peers_getSmallIdsInOrderOfRegistration() {
        assertThat(peer1.peerId()).isEqualTo(1);
        assertThat(peer2.peerId()).isEqualTo(2);
    }

    @Test
    void searchJson_nameOnTwoPeers_listsOneFileWithBothHolders() throws Exception {
        CliRun run = CliRun.of(system.withBroker("search", "6.txt", "--json"));

        assertThat(run.exitCode()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("query").asText()).isEqualTo("6.txt");
        assertThat(doc.get("results")).hasSize(1);
        JsonNode hit = doc.get("results").get(0);
        assertThat(hit.get("name").asText()).isEqualTo("6.txt");
        assertThat(hit.get("size").asLong()).isEqualTo(SIX.length());
        assertThat(hit.get("sha256").asText()).isEqualTo(sha256(SIX.getBytes(StandardCharsets.UTF_8)));
        JsonNode holders = hit.get("peers");
        assertThat(holders).hasSize(2);
        assertThat(holders.get(0).get("peerId").asInt()).isEqualTo(1);
        assertThat(holders.get(0).get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(holders.get(0).get("port").asInt()).isEqualTo(peer1.port());
        assertThat(holders.get(0).get("sharedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(holders.get(1).get("peerId").asInt()).isEqualTo(2);
        assertThat(holders.get(1).get("port").asInt()).isEqualTo(peer2.port());
    }

    @Test
    void search_partOfNameInOtherCase_findsFileInNestedFolder() {
        CliRun run = CliRun.of(system.withBroker("search", "report"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 file matching \"report\":", "Report.PDF", "Peer ID");
    }

    @Test
    void getFromPeer_multiHolderChoice_downloadsVerifiedBytesFromThatPeer() throws Exception {
        Path downloads = work.resolve("downloads");
        CliRun run = CliRun.of(system.withBroker("get", "6.txt", "--from", "2", "--to", downloads.toString(), "--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        Path landed = downloads.resolve("6.txt");
        assertThat(doc.get("path").asText()).isEqualTo(landed.toString());
        assertThat(doc.get("sha256").asText()).isEqualTo(sha256(SIX.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.get("size").asLong()).isEqualTo(SIX.length());
        assertThat(doc.get("bytesTransferred").asLong()).isEqualTo(SIX.length());
        assertThat(doc.get("peers")).hasSize(1);
        assertThat(doc.get("peers").get(0).get("peerId").asInt()).isEqualTo(2);
        assertThat(doc.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Files.readString(landed)).isEqualTo(SIX);
        synchronized (peerLog) {
            assertThat(peerLog).anyMatch(line -> line.startsWith("Done sending 6.txt"));
        }
    }

    @Test
    void get_nameNobodyShares_exitsOneWithOneSentence() {
        CliRun run = CliRun.of(system.withBroker("get", "nobody.txt", "--to", work.resolve("d").toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("No peer shares a file named nobody.txt.");
        assertThat(run.out()).isEmpty();
        assertThat(work.resolve("d")).doesNotExist();
    }

    @Test
    void search_nameNobodyShares_exitsOneWithOneSentence() {
        CliRun run = CliRun.of(system.withBroker("search", "nobody.txt"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("No peer shares a file matching \"nobody.txt\".");
    }

    @Test
    void get_holderThatStoppedServing_isReportedAndNextHolderDelivers() throws Exception {
        String content = "a file a crashed peer also had\n";
        String sha = sha256(content.getBytes(StandardCharsets.UTF_8));
        Path downloads = work.resolve("downloads");
        // A peer that crashed keeps its registration until the indexer notices: get must name it
        // and take the file from the live holder.
        try (IndexClient ghost = IndexClient.connect(system.peerLogin(), "ghost", java.time.Duration.ofSeconds(10))) {
            int deadPort = closedPort();
            ghost.register("ghost-peer-key-0000000001", "127.0.0.1", deadPort,
                    List.of(new SharedFile("crash.txt", content.length(), sha)));
            Path folder3 = Files.createDirectories(work.resolve("peer4"));
            Files.writeString(folder3.resolve("crash.txt"), content);
            SharingSession live = system.share(folder3, peerLog);
            assertThat(live.peerId()).isEqualTo(4);

            CliRun pinned = CliRun.of(system.withBroker("get", "crash.txt", "--from", "3", "--to",
                    downloads.toString()));
            assertThat(pinned.exitCode()).isEqualTo(1);
            assertThat(pinned.err()).contains("peer 3 (connection refused)").doesNotContain("Exception");
            assertThat(downloads.resolve("crash.txt")).doesNotExist();

            CliRun auto = CliRun.of(system.withBroker("get", "crash.txt", "--to", downloads.toString(), "--json"));
            assertThat(auto.exitCode()).as(auto.err()).isZero();
            assertThat(auto.err()).isEqualTo("Peer 3 at 127.0.0.1:" + deadPort + " cannot help (connection refused)."
                    + System.lineSeparator());
            JsonNode report = JSON.readTree(auto.out());
            assertThat(report.get("peers")).singleElement().satisfies(peer -> assertThat(peer.get("peerId").asInt()).isEqualTo(4));
            assertThat(report.get("dropped")).singleElement().satisfies(dropped -> {
                assertThat(dropped.get("peerId").asInt()).isEqualTo(3);
                assertThat(dropped.get("reason").asText()).isEqualTo("connection refused");
            });
            assertThat(Files.readString(downloads.resolve("crash.txt"))).isEqualTo(content);
        }
    }

    @Test
    void get_folderHoldsDifferentFileOfThatName_keepsItAndLandsBeside() throws Exception {
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        Files.writeString(downloads.resolve("6.txt"), "my own notes, not the shared file\n");

        CliRun run = CliRun.of(system.withBroker("get", "6.txt", "--to", downloads.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(downloads.resolve("6.txt"))).isEqualTo("my own notes, not the shared file\n");
        assertThat(Files.readString(downloads.resolve("6 (1).txt"))).isEqualTo(SIX);
        assertThat(run.out()).contains("6 (1).txt");
    }

    @Test
    void get_sameFileAlreadyThere_transfersNothing() throws Exception {
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        Files.writeString(downloads.resolve("6.txt"), SIX);

        CliRun run = CliRun.of(system.withBroker("get", "6.txt", "--to", downloads.toString(), "--json"));

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).get("bytesTransferred").asLong()).isZero();
    }

    @Test
    void peerLeaving_unregistersAtOnce() throws Exception {
        peer1.close();

        JsonNode doc = JSON.readTree(CliRun.of(system.withBroker("search", "6.txt", "--json")).out());
        assertThat(doc.get("results").get(0).get("peers")).hasSize(1);
        assertThat(CliRun.of(system.withBroker("search", "1.txt")).exitCode()).isEqualTo(1);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
