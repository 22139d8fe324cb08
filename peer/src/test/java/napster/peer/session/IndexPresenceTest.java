package napster.peer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final IndexPresence presence = new IndexPresence(link, () -> List.of(FILE), executor, BEAT,
            new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(80)), log::add);

    /** Records every call; each can be made to fail. */
    static final class FakeLink implements IndexPresence.Link {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger beats = new AtomicInteger();
        final AtomicInteger registrations = new AtomicInteger();
        final AtomicReference<IndexException> beatFailure = new AtomicReference<>();
        final AtomicReference<IndexException> registerFailure = new AtomicReference<>();
        final AtomicReference<IndexException> updateFailure = new AtomicReference<>();

        /** When set, registrations are held: each returns an incomplete future the test completes. */
        volatile boolean hold;
        final List<CompletableFuture<Ack>> held = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Ack> register(List<SharedFile> files) {
            calls.add("register");
            if (hold) {
                CompletableFuture<Ack> answer = new CompletableFuture<>();
                held.add(answer);
                return answer;
            }
            IndexException failure = registerFailure.get();
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.completedFuture(new Ack(registrations.incrementAndGet(), files.size()));
        }

        void answerHeld(int peerId) {
            held.forEach(answer -> answer.complete(new Ack(peerId, 1)));
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
        presence.registerFirst(WAIT);
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.beats.get() >= 3);
        assertThat(link.calls).containsExactly("register");
    }

    @Test
    void heartbeat_unknownPeer_registersAgainAndTakesTheNewPeerId() throws Exception {
        assertThat(presence.registerFirst(WAIT)).map(Ack::peerId).contains(1);
        link.beatFailure.set(new UnknownPeerException("unknown", null));
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(presence.peerId()).isGreaterThanOrEqualTo(2);
        assertThat(log).anyMatch(line -> line.contains("did not know this peer"));
    }

    @Test
    void heartbeat_timeouts_areLoggedOnceAndBeatsGoOn() throws Exception {
        presence.registerFirst(WAIT);
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
        presence.registerFirst(WAIT);
        link.updateFailure.set(new IndexException("broker down", null));
        presence.start();
        presence.send(new ShareDelta(List.of(FILE), List.of()));
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(link.calls).containsSubsequence("register", "update +1 -0", "register");
    }

    @Test
    void failedRegistration_isRetriedWithBackoffAndSaidOnce() throws Exception {
        presence.registerFirst(WAIT);
        link.registerFailure.set(new IndexException("index full", null));
        presence.registerAgain("test");
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.calls.size() >= 5);
        link.registerFailure.set(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 2);
        assertThat(log).filteredOn(line -> line.contains("index full")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(
                line -> line.startsWith("Registered again as peer 2")));
    }

    @Test
    void registerFirst_noAnswerInTime_saysSoOnceAndTheRegistrationLandsWhenAnIndexerAnswers() throws Exception {
        link.hold = true;
        Optional<Ack> first = presence.registerFirst(Duration.ofMillis(100));
        presence.start();

        assertThat(first).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(line -> line.startsWith(
                "No indexer answered within")));
        // for several beat intervals: no heartbeat (not registered yet) and no second copy of the registration
        await().during(BEAT.multipliedBy(6)).atMost(Duration.ofSeconds(5))
                .until(() -> link.beats.get() == 0 && link.calls.size() == 1);

        link.answerHeld(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.peerId() == 7);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.beats.get() >= 2);
        assertThat(log).filteredOn(line -> line.startsWith("No indexer answered")).hasSize(1);
        assertThat(log).contains("Registered as peer 7 with 1 files (an indexer answered).");
    }

    @Test
    void registerFirst_refused_retriesUntilTaken() throws Exception {
        link.registerFailure.set(new IndexException("no indexer", null));
        assertThat(presence.registerFirst(WAIT)).isEmpty();
        presence.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> link.calls.size() >= 3);
        link.registerFailure.set(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> presence.peerId() == 1);
        assertThat(log).filteredOn(line -> line.contains("no indexer")).hasSize(1);
    }

    @Test
    void shareChange_whileARegistrationIsUnderWay_followsItWithAFreshRegistration() throws Exception {
        link.hold = true;
        presence.registerFirst(Duration.ofMillis(50));
        presence.send(new ShareDelta(List.of(FILE), List.of()));
        link.hold = false;
        link.answerHeld(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> link.registrations.get() >= 1);
        assertThat(link.calls).containsExactly("register", "register");
    }

    @Test
    void registerAgain_afterClose_isIgnored() {
        executor.shutdownNow();
        presence.registerAgain("too late");
        presence.send(new ShareDelta(List.of(FILE), List.of()));
        assertThat(link.calls).isEmpty();
    }
}
