package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import napster.peer.session.SharingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarm downloads through the whole system: three peers share the same file with capped
 * uploads, the index shows each holder's slots and cap, {@code search --ping} times them,
 * {@code get} fetches from all at once, a {@code get} process killed half way resumes, and
 * {@code get --share} serves what it fetched.
 */
class SwarmSystemIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 24 << 20;
    private static final long CAP = 4L << 20;

    @TempDir
    Path work;

    private NapsterSystem system;
    private final List<SharingSession> peers = new ArrayList<>();
    private final List<String> peerLog = new ArrayList<>();
    private byte[] content;

    @BeforeEach
    void threePeersShareOneFile() throws Exception {
        system = NapsterSystem.start(work);
        content = new byte[SIZE];
        new SplittableRandom(3).nextBytes(content);
        for (int i = 1; i <= 3; i++) {
            Path folder = Files.createDirectories(work.resolve("peer" + i));
            Files.write(folder.resolve("album.flac"), content);
            peers.add(system.share(folder, peerLog, settings -> settings.withMaxUploadRate(CAP)));
        }
    }

    @AfterEach
    void stop() throws Exception {
        system.close();
    }

    @Test
    void searchJson_showsEachHoldersSlotsAndUploadCap() throws Exception {
        CliRun search = CliRun.of(system.withBroker("search", "album", "--json"));

        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode holders = JSON.readTree(search.out()).get("results").get(0).get("peers");
        assertThat(holders).hasSize(3);
        for (JsonNode holder : holders) {
            assertThat(holder.get("slots").asInt()).isEqualTo(8);
            assertThat(holder.get("freeSlots").asInt()).isEqualTo(8);
            assertThat(holder.get("maxUploadRate").asLong()).isEqualTo(CAP);
        }
    }

    @Test
    void searchPing_showsEveryHoldersRoundTrip() throws Exception {
        CliRun text = CliRun.of(system.withBroker("search", "album", "--ping"));
        CliRun json = CliRun.of(system.withBroker("search", "album", "--ping", "--json"));

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Slots  Upload cap   Ping");
        assertThat(Pattern.compile("8/8 +4\\.0 MiB/s +\\d+\\.\\d\\d ms").matcher(text.out()).results().count()).isEqualTo(3);
        for (JsonNode holder : JSON.readTree(json.out()).get("results").get(0).get("peers")) {
            assertThat(holder.get("pingMillis").asDouble()).isPositive().isLessThan(2000);
        }
    }

    @Test
    void get_fetchesFromAllThreeHoldersAtOnce() throws Exception {
        CliRun get = CliRun.of(system.withBroker("get", "album.flac", "--to", work.resolve("dl").toString(), "--json"));

        assertThat(get.exitCode()).as(get.err()).isZero();
        JsonNode report = JSON.readTree(get.out());
        assertThat(report.get("peers")).hasSize(3);
        assertThat(report.get("dropped")).isEmpty();
        assertThat(report.get("bytesTransferred").asLong()).isGreaterThanOrEqualTo(SIZE);
        assertThat(Files.readAllBytes(work.resolve("dl/album.flac"))).isEqualTo(content);
        System.out.printf("get of %d MiB from three holders capped at %d MiB/s each: %.2f s%n", SIZE >> 20, CAP >> 20,
                report.get("seconds").asDouble());
    }

    @Test
    void getProcess_killedHalfWay_theNextRunTransfersOnlyWhatIsMissing() throws Exception {
        Path dl = work.resolve("dl");
        Path record = dl.resolve("album.flac.napster-part.progress");
        try (NapsterProcess first = NapsterProcess.start(work, "get", "album.flac", "--from", "1", "--to", dl.toString(),
                "--broker", system.brokerUrl())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> chunksDone(record) >= 3);
            first.kill();
        }
        assertThat(dl.resolve("album.flac")).doesNotExist();

        CliRun second = CliRun.of(system.withBroker("get", "album.flac", "--to", dl.toString(), "--json"));

        assertThat(second.exitCode()).as(second.err()).isZero();
        long transferred = JSON.readTree(second.out()).get("bytesTransferred").asLong();
        System.out.printf("get killed half way, then run again: the second run transferred %d of %d bytes (%.0f %%)%n",
                transferred, SIZE, 100.0 * transferred / SIZE);
        assertThat(transferred).isLessThan((long) (0.85 * SIZE));
        assertThat(second.err()).contains("Resuming: ");
        assertThat(Files.readAllBytes(dl.resolve("album.flac"))).isEqualTo(content);
        assertThat(record).doesNotExist();
    }

    @Test
    void getShare_keepsServingTheDownloadedFile() throws Exception {
        Path dl = work.resolve("dl");
        try (NapsterProcess get = NapsterProcess.start(work, "get", "album.flac", "--to", dl.toString(), "--share",
                "--broker", system.brokerUrl())) {
            get.awaitLine(Pattern.compile("^Successfully got the file: "), Duration.ofSeconds(60));
            int peerId = Integer.parseInt(get.awaitLine(Pattern.compile("^Sharing 1 files .* as peer (\\d+)\\."),
                    Duration.ofSeconds(60)).group(1));

            CliRun search = CliRun.of(system.withBroker("search", "album.flac", "--json"));

            assertThat(JSON.readTree(search.out()).get("results").get(0).get("peers"))
                    .extracting(holder -> holder.get("peerId").asInt()).contains(peerId).hasSize(4);
        }
    }

    /** How many chunks a progress record says are done; 0 while there is none. */
    private static int chunksDone(Path record) {
        try {
            byte[] done = java.util.Base64.getDecoder().decode(JSON.readTree(record.toFile()).get("done").asText());
            return java.util.BitSet.valueOf(done).cardinality();
        } catch (Exception e) {
            return 0;
        }
    }
}
