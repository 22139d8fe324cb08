package napster.peer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Reannounce;
import napster.common.protocol.Register;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sharing session against a real broker and a fake indexer: heartbeats, re-registration, deltas. */
class SharingSessionIT {
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private EmbeddedBroker broker;
    private FakeIndexer indexer;
    private SharingSession session;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
        indexer = new FakeIndexer(broker.url());
    }

    @AfterEach
    void stopAll() throws Exception {
        if (session != null) {
            session.close();
        }
        indexer.close();
        broker.close();
    }

    private SharingSession share(Path folder, Duration heartbeat, boolean watch) throws Exception {
        session = SharingSession.start(new ShareSettings(List.of(folder), 0, "127.0.0.1", 2, Duration.ofSeconds(10),
                        temp.resolve("cache"), heartbeat, watch, Duration.ZERO),
                new ClientSettings(broker.url(), "peer", "peer"), Duration.ofSeconds(5), log::add);
        return session;
    }

    private Path folderWith(String name, String text) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("share"));
        Files.writeString(folder.resolve(name), text);
        return folder;
    }

    @Test
    void start_registersThenHeartbeatsWithItsInterval() throws Exception {
        share(folderWith("a.txt", "a"), Duration.ofSeconds(1), false);
        assertThat(indexer.received(Register.class)).singleElement()
                .satisfies(register -> assertThat(register.files()).extracting(SharedFile::name).containsExactly("a.txt"));
        await().atMost(WITHIN).until(() -> indexer.received(Heartbeat.class).size() >= 2);
        Heartbeat beat = indexer.received(Heartbeat.class).get(0);
        assertThat(beat.intervalSeconds()).isEqualTo(1);
        assertThat(beat.peerKey()).isEqualTo(indexer.received(Register.class).get(0).peerKey());
    }

    @Test
    void heartbeat_unknownPeer_registersTheWholeShareAgainWithTheSameKey() throws Exception {
        share(folderWith("a.txt", "a"), Duration.ofSeconds(1), false);
        indexer.forgetPeers.set(true);
        await().atMost(WITHIN).until(() -> indexer.received(Register.class).size() >= 2);
        List<Register> registers = indexer.received(Register.class);
        assertThat(registers.get(1).peerKey()).isEqualTo(registers.get(0).peerKey());
        assertThat(registers.get(1).files()).isEqualTo(registers.get(0).files());
        assertThat(registers.get(1).port()).isEqualTo(session.port());
    }

    @Test
    void reannounce_onTheControlTopic_registersAgain() throws Exception {
        share(folderWith("a.txt", "a"), Duration.ofSeconds(60), false);
        indexer.publish(Destinations.CONTROL, new Reannounce("indexer restarted"));
        await().atMost(WITHIN).until(() -> indexer.received(Register.class).size() >= 2);
        assertThat(log).anyMatch(line -> line.contains("the indexer asked: indexer restarted"));
    }

    @Test
    void fileAddedAndDeleted_whileWatching_sendsUpdatesAndFollowsTheCatalogue() throws Exception {
        Path folder = folderWith("a.txt", "a");
        share(folder, Duration.ofSeconds(60), true);
        Files.writeString(folder.resolve("new.txt"), "brand new");
        await().atMost(WITHIN).until(() -> indexer.received(Update.class).stream()
                .anyMatch(update -> update.added().stream().anyMatch(file -> file.name().equals("new.txt"))));
        String sha = session.catalogue().entries().stream().filter(e -> e.name().equals("new.txt")).findFirst()
                .orElseThrow().sha256();
        Files.delete(folder.resolve("new.txt"));
        await().atMost(WITHIN).until(() -> indexer.received(Update.class).stream()
                .anyMatch(update -> update.removed().stream().anyMatch(file -> file.sha256().equals(sha))));
        assertThat(session.catalogue().find(sha)).isEmpty();
    }

    @Test
    void noWatch_newFile_isNotSent() throws Exception {
        Path folder = folderWith("a.txt", "a");
        share(folder, Duration.ofSeconds(1), false);
        assertThat(session.watching()).isFalse();
        Files.writeString(folder.resolve("new.txt"), "brand new");
        await().atMost(WITHIN).until(() -> indexer.received(Heartbeat.class).size() >= 2);
        assertThat(indexer.received(Update.class)).isEmpty();
        assertThat(session.catalogue().size()).isEqualTo(1);
    }

    @Test
    void close_unregistersAtOnce() throws Exception {
        share(folderWith("a.txt", "a"), Duration.ofSeconds(60), true);
        session.close();
        assertThat(indexer.received(Unregister.class)).hasSize(1);
    }
}
