package napster.indexer.service;

import napster.indexer.MutableClock;
import napster.indexer.RecordingListener;
import napster.indexer.Searching;

import napster.indexer.index.FileIndex;
import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.Register;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leases driven by a hand-moved clock: a peer lives exactly missedBeats × its interval past its last message. */
class LeaseTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration NANO = Duration.ofNanos(1);

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingListener listener = new RecordingListener();
    private final IndexService service = new IndexService(FileIndex.inMemory(), clock, 3, listener);

    @AfterEach
    void closeIndex() {
        service.index().close();
    }

    private Message register(int keyNumber, String user, SharedFile... files) {
        return service.handle(new Register(key(keyNumber), "10.0.0." + keyNumber, 25_000, List.of(files)), user);
    }

    private Message heartbeat(int keyNumber, Integer interval, String user) {
        return service.handle(new Heartbeat(key(keyNumber), interval), user);
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
    }

    @Test
    void expire_noHeartbeatYet_dropsAfterThreeDefaultIntervalsNotBefore() {
        register(1, "alice", file("a", 1));

        at(Duration.ofSeconds(30));
        assertThat(service.expire()).as("exactly at the bound the lease still holds").isEmpty();

        at(Duration.ofSeconds(30).plus(NANO));
        assertThat(service.expire()).containsExactly(
                new PeerChanged(PeerChanged.LEFT, 1, "10.0.0.1", 25_000, 1, PeerChanged.EXPIRED));
        assertThat(service.stats()).isEqualTo(new IndexStats(0, 0, 0));
    }

    @Test
    void expire_peersOwnInterval_dropsExactlyAfterThreeMissedBeats() {
        register(1, "alice", file("a", 1));
        at(Duration.ofSeconds(1));
        assertThat(heartbeat(1, 2, "alice")).isEqualTo(new Ack(1, 1));

        at(Duration.ofSeconds(7));
        assertThat(service.expire()).isEmpty();
        assertThat(service.peerByKey(key(1))).isPresent();

        at(Duration.ofSeconds(7).plus(NANO));
        assertThat(service.expire()).extracting(PeerChanged::peerId).containsExactly(1);
        assertThat(service.peerByKey(key(1))).isEmpty();
        assertThat(Searching.hits(service, "a", 10)).isEmpty();
    }

    @Test
    void heartbeat_inTime_keepsThePeerAlive() {
        register(1, "alice");
        for (int second = 2; second <= 60; second += 2) {
            at(Duration.ofSeconds(second));
            assertThat(heartbeat(1, 2, "alice")).isInstanceOf(Ack.class);
            at(Duration.ofSeconds(second + 1));
            assertThat(service.expire()).isEmpty();
        }
        assertThat(service.peerByKey(key(1))).isPresent();
    }

    @Test
    void expire_afterHeartbeat_peerMustRegisterAgain() {
        register(1, "alice");
        heartbeat(1, 1, "alice");
        at(Duration.ofSeconds(4));
        service.expire();

        assertThat(heartbeat(1, 1, "alice")).isInstanceOfSatisfying(ErrorReply.class,
                error -> assertThat(error.code()).isEqualTo(ErrorReply.UNKNOWN_PEER));
        assertThat(register(1, "alice")).as("a new id after expiry").isEqualTo(new Ack(2, 0));
    }

    @Test
    void registerAndUpdate_refreshTheLease() {
        register(1, "alice");
        at(Duration.ofSeconds(20));
        service.handle(new Update(key(1), List.of(file("b", 2)), List.of()), "alice");
        at(Duration.ofSeconds(45));
        register(1, "alice", file("c", 3));

        at(Duration.ofSeconds(75));
        assertThat(service.expire()).isEmpty();
        at(Duration.ofSeconds(75).plus(NANO));
        assertThat(service.expire()).hasSize(1);
    }

    @Test
    void register_again_keepsTheIntervalTheHeartbeatNamed() {
        register(1, "alice");
        heartbeat(1, 2, "alice");
        at(Duration.ofSeconds(5));
        register(1, "alice");

        at(Duration.ofSeconds(11));
        assertThat(service.expire()).isEmpty();
        at(Duration.ofSeconds(11).plus(NANO));
        assertThat(service.expire()).hasSize(1);
    }

    @Test
    void heartbeat_withoutInterval_meansTheDefault() {
        register(1, "alice");
        heartbeat(1, 1, "alice");
        heartbeat(1, null, "alice");

        at(Duration.ofSeconds(30));
        assertThat(service.expire()).isEmpty();
    }

    @Test
    void heartbeat_unknownPeer_asksToRegisterAgain() {
        assertThat(heartbeat(1, null, "alice")).isInstanceOfSatisfying(ErrorReply.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorReply.UNKNOWN_PEER);
            assertThat(error.message()).contains("register again").doesNotContain("\n");
        });
    }

    @Test
    void heartbeat_otherUser_isForbiddenAndDoesNotRefreshTheLease() {
        register(1, "alice");
        at(Duration.ofSeconds(29));

        assertThat(heartbeat(1, 60, "mallory")).extracting(r -> ((ErrorReply) r).code())
                .isEqualTo(ErrorReply.FORBIDDEN);

        at(Duration.ofSeconds(30).plus(NANO));
        assertThat(service.expire()).hasSize(1);
    }

    @Test
    void expire_emitsLeftExpiredOnlyForLapsedPeers() {
        register(1, "alice", file("a", 1), file("b", 2));
        register(2, "bob");
        heartbeat(2, 60, "bob");
        listener.take();

        at(Duration.ofMinutes(1));
        service.expire();

        assertThat(listener.take()).as("left implies the files are gone: no filesChanged").containsExactly(
                new PeerChanged(PeerChanged.LEFT, 1, "10.0.0.1", 25_000, 2, PeerChanged.EXPIRED));
        assertThat(service.peerByKey(key(2))).isPresent();
    }

    @Test
    void expire_fewerMissedBeatsConfigured_dropsSooner() {
        try (FileIndex index = FileIndex.inMemory()) {
            IndexService strict = new IndexService(index, clock, 1, IndexListener.NONE);
            strict.handle(new Register(key(1), "h", 1, List.of()), "alice");
            strict.handle(new Heartbeat(key(1), 5), "alice");

            at(Duration.ofSeconds(5));
            assertThat(strict.expire()).isEmpty();
            at(Duration.ofSeconds(5).plus(NANO));
            assertThat(strict.expire()).hasSize(1);
        }
    }
}
