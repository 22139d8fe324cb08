package napster.peer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import napster.common.protocol.Ack;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexException;
import napster.peer.index.UnknownPeerException;
import napster.peer.share.ShareDelta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexPresenceTest {
    private static final Duration BEAT = Duration.ofMillis(50);
    private static final SharedFile FILE = new SharedFile("a.txt", 1, "a".repeat(64));

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final FakeLink link = new FakeLink();
    private final IndexPresence presence = new IndexPresence(link, () -> List.of(FILE), executor, BEAT, log::add);

    /** Records every call; each can be made to fail. */
    static final class FakeLink implements IndexPresence.Link {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger beats = new AtomicInteger();
        final AtomicInteger registrations = new AtomicInteger();
        final AtomicReference<IndexException> beatFailure = new AtomicReference<>();
        final AtomicReference<IndexException> registerFailure = new AtomicReference<>();
        final AtomicReference<IndexException> updateFailure = new AtomicReference<>();

        @Override
        public Ack register(List<SharedFile> files) throws IndexException {
            calls.add("register");
            IndexException failure = registerFailure.get();
            if (failure != null) {
                throw failure;
            }
            return new Ack(registrations.incrementAndGet(), files.size());
        }

        @Override
        public void update(ShareDelta delta) throws IndexException {
            calls.add("update " + delta);
            IndexException failure = updateFailure.get();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void heartbeat(int intervalSeconds) throws IndexException {
            beats.incrementAndGet();
            IndexException failure = beatFailure.get();
            if (failure != null) {
                throw failure;
            }
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void start_beatsEveryInterval() throws Exception {
        presence.registerFirst();
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.beats.get() >= 3);
        assertThat(link.calls).containsExactly("register");
    }

    @Test
    void heartbeat_unknownPeer_registersAgainAndTakesTheNewPeerId() throws Exception {
        assertThat(presence.registerFirst().peerId()).isEqualTo(1);
        link.beatFailure.set(new UnknownPeerException("unknown", null));
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(presence.peerId()).isGreaterThanOrEqualTo(2);
        assertThat(log).anyMatch(line -> line.contains("did not know this peer"));
    }

    @Test
    void heartbeat_timeouts_areLoggedOnceAndBeatsGoOn() throws Exception {
        presence.registerFirst();
        link.beatFailure.set(new IndexException("no answer", null));
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.beats.get() >= 4);
        assertThat(log).filteredOn(line -> line.contains("no answer")).hasSize(1);
        link.beatFailure.set(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("The index answers again."));
        assertThat(link.calls).containsExactly("register");
    }

    @Test
    void failedUpdate_turnsIntoFullRegistrationAtTheNextBeat() throws Exception {
        presence.registerFirst();
        link.updateFailure.set(new IndexException("broker down", null));
        presence.start();
        presence.send(new ShareDelta(List.of(FILE), List.of()));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(link.calls).containsSubsequence("register", "update +1 -0", "register");
    }

    @Test
    void failedRegistration_isRetriedAtTheNextBeat() throws Exception {
        presence.registerFirst();
        link.registerFailure.set(new IndexException("indexer down", null));
        presence.registerAgain("test");
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.calls.size() >= 3);
        link.registerFailure.set(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(log).anyMatch(line -> line.startsWith("Registered again as peer 2"));
    }

    @Test
    void registerAgain_afterClose_isIgnored() {
        executor.shutdownNow();
        presence.registerAgain("too late");
        presence.send(new ShareDelta(List.of(FILE), List.of()));
        assertThat(link.calls).isEmpty();
    }
}
