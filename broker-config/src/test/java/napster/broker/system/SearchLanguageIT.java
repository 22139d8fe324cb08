package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.session.SharingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query language, the filters and browse as README.md and PROTOCOL.md show them, through
 * the real broker and indexer, against two real peers sharing real files, with the CLI a user
 * types.
 */
class SearchLanguageIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private NapsterSystem system;
    private SharingSession peer1;
    private SharingSession peer2;
    private final List<String> peerLog = new ArrayList<>();

    @BeforeEach
    void startServerAndTwoPeers() throws Exception {
        system = NapsterSystem.start(work);
        Path folder1 = Files.createDirectories(work.resolve("peer1"));
        Path folder2 = Files.createDirectories(work.resolve("peer2"));
        Files.writeString(folder1.resolve("The Beatles - Yesterday.mp3"), "yesterday".repeat(400));
        Files.writeString(folder1.resolve("The Beatles - Yesterday (Live).mp3"), "live".repeat(500));
        Files.write(folder1.resolve("Let It Be.flac"), new byte[2 * 1024 * 1024]);
        Files.writeString(folder1.resolve("Beyoncé - Halo.MP3"), "halo");
        Files.writeString(folder2.resolve("Beatles_Yesterday.ogg"), "yesterday".repeat(400));
        Files.writeString(folder2.resolve("Be It Let.mp3"), "backwards");
        Files.writeString(folder2.resolve("6.txt"), "six\n");
        Files.writeString(folder2.resolve("my 6.txt"), "another six\n");
        peer1 = system.share(folder1, peerLog);
        peer2 = system.share(folder2, peerLog);
    }

    @AfterEach
    void stop() throws Exception {
        system.close();
    }

    @Test
    void words_matchTheStartOfWords_inAnyCase_andAFragmentInsideAWordDoesNot() throws Exception {
        assertThat(names("beatles yesterday")).containsExactly("The Beatles - Yesterday.mp3",
                "The Beatles - Yesterday (Live).mp3");
        assertThat(names("beat yest")).containsExactly("The Beatles - Yesterday.mp3",
                "The Beatles - Yesterday (Live).mp3");
        assertThat(names("BEYONCE halo")).containsExactly("Beyoncé - Halo.MP3");

        CliRun fragment = CliRun.of(system.withBroker("search", "eatl"));
        assertThat(fragment.exitCode()).isEqualTo(1);
        assertThat(fragment.err().strip()).isEqualTo("No peer shares a file matching \"eatl\".");
    }

    @Test
    void aContentOnTwoPeersUnderTwoNames_isOneHit_withBothHolders_first() throws Exception {
        JsonNode hit = search("yesterday").get("results").get(0);

        assertThat(hit.get("name").asText()).isEqualTo("The Beatles - Yesterday.mp3");
        assertThat(hit.get("peers")).extracting(holder -> holder.get("name").asText())
                .containsExactly("The Beatles - Yesterday.mp3", "Beatles_Yesterday.ogg");
    }

    @Test
    void phrase_exclusion_andExactName_asTheReadmeShowsThem() throws Exception {
        assertThat(names("\"let it be\"")).containsExactly("Let It Be.flac");
        assertThat(names("beatles -live")).containsExactly("The Beatles - Yesterday.mp3");
        assertThat(names("6.txt")).containsExactly("6.txt", "my 6.txt");
    }

    @Test
    void filters_extensionSizeAndKind() throws Exception {
        assertThat(names("be", "--ext", "mp3,flac")).containsExactlyInAnyOrder("Let It Be.flac", "Be It Let.mp3",
                "The Beatles - Yesterday.mp3", "The Beatles - Yesterday (Live).mp3", "Beyoncé - Halo.MP3");
        assertThat(names("be", "--min-size", "1M")).containsExactly("Let It Be.flac");
        assertThat(names("be", "--type", "audio", "--max-size", "3K")).containsExactlyInAnyOrder("Be It Let.mp3",
                "The Beatles - Yesterday (Live).mp3", "Beyoncé - Halo.MP3");

        CliRun badKind = CliRun.of(system.withBroker("search", "be", "--type", "music"));
        assertThat(badKind.exitCode()).isEqualTo(2);
        assertThat(badKind.err().strip())
                .isEqualTo("--type must be one of audio, video, image, document, archive, program, not \"music\".");
        CliRun onlyExcluded = CliRun.of(system.withBroker("search", "-live"));
        assertThat(onlyExcluded.exitCode()).isEqualTo(2);
        assertThat(onlyExcluded.err()).contains("besides the ones it excludes");
    }

    @Test
    void browse_listsOnePeersFilesInNameOrder_andAnUnknownPeerIsOneSentence() throws Exception {
        CliRun run = CliRun.of(system.withBroker("browse", String.valueOf(peer2.peerId()), "--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode listing = JSON.readTree(run.out());
        assertThat(listing.get("peerId").asInt()).isEqualTo(peer2.peerId());
        assertThat(listing.get("files")).extracting(file -> file.get("name").asText())
                .containsExactly("6.txt", "Be It Let.mp3", "Beatles_Yesterday.ogg", "my 6.txt");

        CliRun unknown = CliRun.of(system.withBroker("browse", "999"));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("No peer 999 is registered; `./napster peers` lists them.");
    }

    @Test
    void browse_aPeerOf100kFiles_pagesThroughAllOfThemInOrder() throws Exception {
        List<SharedFile> files = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            files.add(new SharedFile(String.format("track %06d.mp3", (i * 7_919) % 100_000), 1_000 + i,
                    WalkthroughIT.sha256(("content " + i).getBytes(StandardCharsets.UTF_8))));
        }
        int peerId;
        try (IndexClient client = IndexClient.connect(system.peerLogin(), "big", Duration.ofSeconds(60))) {
            peerId = ((Ack) client.register("big-peer-key-0000001", "127.0.0.1", 40_000, files)).peerId();
        }

        CliRun all = CliRun.of(system.withBroker("browse", String.valueOf(peerId), "--json"));
        CliRun some = CliRun.of(system.withBroker("browse", String.valueOf(peerId), "--limit", "2500"));

        assertThat(all.exitCode()).as(all.err()).isZero();
        List<String> names = new ArrayList<>();
        JSON.readTree(all.out()).get("files").forEach(file -> names.add(file.get("name").asText()));
        assertThat(names).hasSize(100_000).isSortedAccordingTo(Comparator.naturalOrder())
                .startsWith("track 000000.mp3").endsWith("track 099999.mp3");
        assertThat(some.exitCode()).as(some.err()).isZero();
        assertThat(some.out()).startsWith("Peer " + peerId + " shares 2500 files:").contains("track 002499.mp3")
                .doesNotContain("track 002500.mp3");
    }

    private List<String> names(String query, String... filters) throws Exception {
        List<String> names = new ArrayList<>();
        search(query, filters).get("results").forEach(hit -> names.add(hit.get("name").asText()));
        return names;
    }

    private JsonNode search(String query, String... filters) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("search", query, "--json"));
        arguments.addAll(List.of(filters));
        CliRun run = CliRun.of(system.withBroker(arguments.toArray(String[]::new)));
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return run.exitCode() == 0 ? JSON.readTree(run.out()) : JSON.readTree("{\"results\":[]}");
    }
}
