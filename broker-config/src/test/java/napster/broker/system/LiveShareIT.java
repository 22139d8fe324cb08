package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import napster.peer.session.SharingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shares follow the disk, end to end: a watching peer, the real broker and indexer, and
 * searches through the command line. Each change must reach search within the issue's 15 s;
 * each test prints how long it took. Also {@code peers} and {@code watch} against the same
 * system, {@code watch} as a real process.
 */
class LiveShareIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path work;

    private NapsterSystem system;
    private Path folder;
    private SharingSession peer;
    private final List<String> peerLog = new ArrayList<>();

    @BeforeEach
    void shareAFolder() throws Exception {
        system = NapsterSystem.start(work);
        folder = Files.createDirectories(work.resolve("share"));
        Files.writeString(folder.resolve("kept.txt"), "kept as it is\n");
        Files.writeString(folder.resolve("changed.txt"), "version one\n");
        Files.writeString(folder.resolve("deleted.txt"), "soon gone\n");
        Files.writeString(folder.resolve("old-name.txt"), "same bytes, new name\n");
        peer = system.share(folder, peerLog);
        assertThat(names("txt")).containsExactlyInAnyOrder("kept.txt", "changed.txt", "deleted.txt", "old-name.txt");
    }

    @AfterEach
    void stop() throws Exception {
        system.close();
    }

    @Test
    void fileAdded_reachesSearch() throws Exception {
        Files.writeString(folder.resolve("added.txt"), "brand new\n");

        long millis = millisUntil(() -> names("added.txt").contains("added.txt"));

        System.out.printf("added file reached search after %d ms%n", millis);
        assertThat(hits("added.txt").get(0).get("sha256").asText()).isEqualTo(sha256("brand new\n"));
    }

    @Test
    void fileChanged_newHashListedAndOldHashGone() throws Exception {
        String before = sha256("version one\n");
        String after = sha256("version two, a little longer\n");

        Files.writeString(folder.resolve("changed.txt"), "version two, a little longer\n");

        long millis = millisUntil(() -> {
            List<JsonNode> hits = hits("changed.txt");
            return hits.size() == 1 && hits.get(0).get("sha256").asText().equals(after);
        });
        System.out.printf("changed file (new SHA-256 listed, old gone) reached search after %d ms%n", millis);
        assertThat(hits(before)).as("a search by the old SHA-256").isEmpty();
    }

    @Test
    void fileDeleted_leavesSearch() throws Exception {
        Files.delete(folder.resolve("deleted.txt"));

        long millis = millisUntil(() -> hits("deleted.txt").isEmpty());

        System.out.printf("deleted file left search after %d ms%n", millis);
        assertThat(names("txt")).containsExactlyInAnyOrder("kept.txt", "changed.txt", "old-name.txt");
    }

    @Test
    void fileRenamed_listedUnderTheNewNameOnly() throws Exception {
        Files.move(folder.resolve("old-name.txt"), folder.resolve("new-name.txt"));

        long millis = millisUntil(() -> names("name.txt").equals(List.of("new-name.txt")));

        System.out.printf("renamed file reached search after %d ms%n", millis);
        assertThat(hits("new-name.txt").get(0).get("sha256").asText()).isEqualTo(sha256("same bytes, new name\n"));
    }

    @Test
    void peersJson_listsThePeerWithItsShare() throws Exception {
        CliRun run = CliRun.of(system.withBroker("peers", "--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode peers = JSON.readTree(run.out()).get("peers");
        assertThat(peers).hasSize(1);
        JsonNode only = peers.get(0);
        assertThat(only.get("peerId").asInt()).isEqualTo(peer.peerId());
        assertThat(only.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(only.get("port").asInt()).isEqualTo(peer.port());
        assertThat(only.get("files").asInt()).isEqualTo(4);
        assertThat(only.get("bytes").asLong()).isEqualTo(peer.catalogue().totalBytes());
        assertThat(only.get("lastSeen").asText()).isNotBlank();
    }

    @Test
    void peers_afterThePeerLeaves_saysNoneAreRegistered() throws Exception {
        peer.close();

        CliRun run = CliRun.of(system.withBroker("peers"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No peers are registered." + System.lineSeparator());
    }

    @Test
    void watch_process_printsMatchingFilesAsTheyComeAndGo() throws Exception {
        try (NapsterProcess watch = NapsterProcess.start(work, "watch", "HOT", "--broker", system.brokerUrl())) {
            watch.awaitLine(Pattern.compile("^Watching for files matching \"HOT\""), Duration.ofSeconds(60));

            Files.writeString(folder.resolve("not-matching.txt"), "cold\n");
            Files.writeString(folder.resolve("hotlist.txt"), "hot\n");
            watch.awaitLine(Pattern.compile("^\\+ hotlist\\.txt \\(4 B, SHA-256 " + sha256("hot\n") + "\\) on peer "
                    + peer.peerId() + " at 127\\.0\\.0\\.1:" + peer.port() + "$"), WITHIN);
            Files.delete(folder.resolve("hotlist.txt"));
            watch.awaitLine(Pattern.compile("^- hotlist\\.txt "), WITHIN);
            peer.close();
            watch.awaitLine(Pattern.compile("^- peer " + peer.peerId() + " left \\(unregistered\\)$"), WITHIN);

            assertThat(watch.output()).doesNotContain("not-matching.txt");
        }
    }

    private static long millisUntil(Callable<Boolean> condition) {
        long began = System.nanoTime();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(condition);
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** The names a search finds now, in result order. */
    private List<String> names(String query) throws Exception {
        return hits(query).stream().map(hit -> hit.get("name").asText()).toList();
    }

    /** The results of {@code search QUERY --json}; none when it exits 1 (nothing found). */
    private List<JsonNode> hits(String query) throws Exception {
        CliRun run = CliRun.of(system.withBroker("search", query, "--json"));
        List<JsonNode> hits = new ArrayList<>();
        if (run.exitCode() == 1) {
            assertThat(run.err()).startsWith("No peer shares");
            return hits;
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        JSON.readTree(run.out()).get("results").forEach(hits::add);
        return hits;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
