package napster.indexer.service;

import napster.indexer.MutableClock;
import napster.indexer.RecordingListener;
import napster.indexer.Searching;

import napster.indexer.index.FileIndex;
import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static napster.indexer.Files.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.FileHit;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.PeerList;
import napster.common.protocol.Holder;
import napster.common.protocol.Message;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123456789Z");

    private final IndexService service = new IndexService(FileIndex.inMemory(), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void closeIndexes() {
        service.index().close();
        live.index().close();
    }

    private Message register(int keyNumber, String user, SharedFile... files) {
        return service.handle(new Register(key(keyNumber), "192.168.1." + keyNumber, 25_000, List.of(files)), user);
    }

    @Test
    void register_newPeers_getIdsFromOneUp() {
        assertThat(register(10, "alice", file("a", 1))).isEqualTo(new Ack(1, 1));
        assertThat(register(20, "bob")).isEqualTo(new Ack(2, 0));
    }

    @Test
    void register_sameKeySameUser_keepsIdAndReplacesFiles() {
        register(10, "alice", file("a", 1), file("b", 2));
        register(20, "bob");

        assertThat(register(10, "alice", file("c", 3))).isEqualTo(new Ack(1, 1));
        assertThat(Searching.hits(service, "a", 10)).isEmpty();
        assertThat(service.stats().peers()).isEqualTo(2);
    }

    @Test
    void register_sameKeyOtherUser_isForbidden() {
        register(10, "alice", file("a", 1));

        Message reply = register(10, "mallory", file("evil", 2));

        assertThat(reply).isEqualTo(new ErrorReply(ErrorReply.FORBIDDEN, "This peer key belongs to another user."));
        assertThat(Searching.hits(service, "evil", 10)).isEmpty();
    }

    @Test
    void update_knownPeer_appliesDeltaAndAcksFileCount() {
        register(10, "alice", file("a", 1), file("b", 2));

        Message reply = service.handle(new Update(key(10), List.of(file("c", 3)), List.of(file("a", 1))), "alice");

        assertThat(reply).isEqualTo(new Ack(1, 2));
        assertThat(Searching.hits(service, "c", 10)).hasSize(1);
    }

    @Test
    void update_unknownPeer_asksToRegisterAgain() {
        Message reply = service.handle(new Update(key(10), List.of(file("a", 1)), List.of()), "alice");

        assertThat(reply).isInstanceOfSatisfying(ErrorReply.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorReply.UNKNOWN_PEER);
            assertThat(error.message()).contains("register again");
        });
        assertThat(service.stats().files()).isZero();
    }

    @Test
    void update_otherUser_isForbidden() {
        register(10, "alice", file("a", 1));

        Message reply = service.handle(new Update(key(10), List.of(), List.of(file("a", 1))), "mallory");

        assertThat(reply).extracting(r -> ((ErrorReply) r).code()).isEqualTo(ErrorReply.FORBIDDEN);
        assertThat(Searching.hits(service, "a", 10)).hasSize(1);
    }

    @Test
    void unregister_knownPeer_removesItAndAcksZeroFiles() {
        register(10, "alice", file("a", 1));

        assertThat(service.handle(new Unregister(key(10)), "alice")).isEqualTo(new Ack(1, 0));
        assertThat(service.stats()).isEqualTo(new IndexStats(0, 0, 0));
    }

    @Test
    void unregister_otherUser_isForbiddenAndKeepsThePeer() {
        register(10, "alice", file("a", 1));

        Message reply = service.handle(new Unregister(key(10)), "mallory");

        assertThat(reply).extracting(r -> ((ErrorReply) r).code()).isEqualTo(ErrorReply.FORBIDDEN);
        assertThat(service.stats().peers()).isEqualTo(1);
    }

    @Test
    void unregister_unknownPeer_isUnknownPeer() {
        assertThat(service.handle(new Unregister(key(10)), "alice"))
                .extracting(r -> ((ErrorReply) r).code()).isEqualTo(ErrorReply.UNKNOWN_PEER);
    }

    @Test
    void register_afterUnregister_getsANewId() {
        register(10, "alice");
        service.handle(new Unregister(key(10)), "alice");

        assertThat(register(10, "alice")).isEqualTo(new Ack(2, 0));
    }

    @Test
    void register_withoutBrokerUser_bindsTheKeyToNoUser() {
        register(10, null, file("a", 1));

        assertThat(register(10, null)).isEqualTo(new Ack(1, 0));
        assertThat(register(10, "alice")).isInstanceOf(ErrorReply.class);
    }

    @Test
    void handle_replyTypeSentAsRequest_isBadRequest() {
        Message reply = service.handle(new Ack(1, 0), "alice");

        assertThat(reply).isInstanceOfSatisfying(ErrorReply.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorReply.BAD_REQUEST);
            assertThat(error.message()).contains("\"ack\"");
        });
    }

    @Test
    void search_byName_reportsSharedAtFromTheClock() {
        register(10, "alice", file("6.txt", 6));

        SearchResult reply = Searching.search(service, Search.byName("6.txt"));

        assertThat(reply).isEqualTo(new SearchResult("6.txt", List.of(new FileHit("6.txt", 1_006, sha(6),
                List.of(new Holder(1, "192.168.1.10", 25_000, NOW, "6.txt"))))));
    }

    @Test
    void search_bySha256_echoesTheHashAsQuery() {
        register(10, "alice", file("6.txt", 6));

        SearchResult reply = Searching.search(service, Search.byHash(sha(6)));

        assertThat(reply.query()).isEqualTo(sha(6));
        assertThat(reply.results()).extracting(FileHit::name).containsExactly("6.txt");
        assertThat(Searching.search(service, Search.byHash(sha(7))).results()).isEmpty();
    }

    @Test
    void search_withLimit_returnsAtMostThatMany() {
        register(10, "alice", file("a1", 1), file("a2", 2), file("a3", 3));

        SearchResult reply = Searching.search(service, new Search("a", null, 2));

        assertThat(reply.results()).hasSize(2);
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingListener events = new RecordingListener();
    private final IndexService live = new IndexService(FileIndex.inMemory(), clock, 3, events);

    private Message registerLive(int keyNumber, SharedFile... files) {
        return live.handle(new Register(key(keyNumber), "10.0.0." + keyNumber, 25_000, List.of(files)), "alice");
    }

    private static FilesChanged filesChanged(int keyNumber, List<SharedFile> added, List<SharedFile> removed) {
        return new FilesChanged(keyNumber, "10.0.0." + keyNumber, 25_000, added, removed);
    }

    @Test
    void register_newKey_emitsJoinedWithItsFilesThenFilesChanged() {
        registerLive(1, file("a", 1), file("b", 2));

        assertThat(events.take()).containsExactly(
                new PeerChanged(PeerChanged.JOINED, 1, "10.0.0.1", 25_000, 2, null),
                filesChanged(1, List.of(file("a", 1), file("b", 2)), List.of()));
    }

    @Test
    void register_again_emitsOnlyFilesChangedWithTheBatchAndWhatItDropped() {
        registerLive(1, file("a", 1), file("b", 2));
        events.take();

        registerLive(1, file("a", 1), file("c", 3));

        assertThat(events.take()).containsExactly(
                filesChanged(1, List.of(file("a", 1), file("c", 3)), List.of(file("b", 2))));
    }

    @Test
    void register_emptyShareOfNewKey_emitsJoinedOnly() {
        registerLive(1);

        assertThat(events.take()).containsExactly(new PeerChanged(PeerChanged.JOINED, 1, "10.0.0.1", 25_000, 0, null));
    }

    @Test
    void update_emitsWhatWasActuallyAddedAndRemoved() {
        registerLive(1, file("a", 1));
        events.take();

        live.handle(new Update(key(1), List.of(file("a", 1), file("new", 2)), List.of(file("never", 3))), "alice");
        live.handle(new Update(key(1), List.of(file("a", 1)), List.of()), "alice");

        assertThat(events.take()).as("the second update changed nothing")
                .containsExactly(filesChanged(1, List.of(file("new", 2)), List.of()));
    }

    @Test
    void update_refusedAsForbidden_emitsNothing() {
        registerLive(1, file("a", 1));
        events.take();

        live.handle(new Update(key(1), List.of(file("b", 2)), List.of()), "mallory");

        assertThat(events.take()).isEmpty();
    }

    @Test
    void unregister_emitsLeftUnregisteredWithItsFileCountAndNoFilesChanged() {
        registerLive(1, file("a", 1), file("b", 2));
        events.take();

        live.handle(new Unregister(key(1)), "alice");

        assertThat(events.take()).containsExactly(
                new PeerChanged(PeerChanged.LEFT, 1, "10.0.0.1", 25_000, 2, PeerChanged.UNREGISTERED));
    }

    @Test
    void register_droppingMoreThanOneMessageHolds_splitsFilesChanged() {
        List<SharedFile> many = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            many.add(file("f" + i, i));
        }
        registerLive(1, many.subList(0, 5_000).toArray(SharedFile[]::new));
        live.handle(new Update(key(1), many.subList(5_000, 10_000), List.of()), "alice");
        live.handle(new Update(key(1), many.subList(10_000, 12_000), List.of()), "alice");
        events.take();

        registerLive(1, file("only", 99_999));

        List<Message> changes = events.take();
        assertThat(changes).hasSize(3).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(FilesChanged.class,
                changed -> assertThat(changed.removed()).hasSizeLessThanOrEqualTo(5_000)));
        assertThat(changes).extracting(event -> ((FilesChanged) event).added().size()).containsExactly(1, 0, 0);
        assertThat(changes).extracting(event -> ((FilesChanged) event).removed().size())
                .containsExactly(5_000, 5_000, 2_000);
        assertThat(changes).flatExtracting(event -> ((FilesChanged) event).removed())
                .containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void listPeers_listsByIdWithFilesBytesAndLastSeen() {
        registerLive(3, file("c", 3));
        registerLive(1, file("a", 1), file("b", 2));
        clock.advance(Duration.ofSeconds(5));
        live.handle(new Heartbeat(key(1), null), "alice");

        Message reply = live.handle(new ListPeers(null), "bob");

        assertThat(reply).isEqualTo(new PeerList(List.of(
                new PeerInfo(1, "10.0.0.3", 25_000, 1, 1_003, NOW),
                new PeerInfo(2, "10.0.0.1", 25_000, 2, 1_001 + 1_002, NOW.plusSeconds(5)))));
    }

    private Message registerWithCapacity(int keyNumber, Integer slots, Integer freeSlots, Long maxUploadRate,
                                         SharedFile... files) {
        return live.handle(new Register(key(keyNumber), "10.0.0." + keyNumber, 25_000, List.of(files), slots, freeSlots,
                maxUploadRate), "alice");
    }

    private List<Holder> holdersOf(String query) {
        return Searching.search(live, Search.byName(query)).results().get(0).peers();
    }

    @Test
    void search_peerRegisteredWithUploadCapacity_showsItOnItsHolderOnly() {
        registerWithCapacity(1, 8, 5, 2_097_152L, file("a", 1));
        registerLive(2, file("a", 1));

        assertThat(holdersOf("a")).containsExactly(
                new Holder(1, "10.0.0.1", 25_000, NOW, "a", 8, 5, 2_097_152L),
                new Holder(2, "10.0.0.2", 25_000, NOW, "a"));
    }

    @Test
    void heartbeat_withFreeSlots_changesWhatTheNextSearchShows() {
        registerWithCapacity(1, 8, 8, null, file("a", 1));

        assertThat(live.handle(new Heartbeat(key(1), null, 3), "alice")).isEqualTo(new Ack(1, 1));
        assertThat(holdersOf("a")).containsExactly(new Holder(1, "10.0.0.1", 25_000, NOW, "a", 8, 3, null));

        live.handle(new Heartbeat(key(1), null), "alice");
        assertThat(holdersOf("a")).as("a heartbeat without freeSlots keeps the last")
                .extracting(Holder::freeSlots).containsExactly(3);
    }

    @Test
    void heartbeat_freeSlotsWithoutRegisteredSlots_isTakenAsItIs() {
        registerLive(1, file("a", 1));

        live.handle(new Heartbeat(key(1), null, 12), "alice");

        assertThat(holdersOf("a")).containsExactly(new Holder(1, "10.0.0.1", 25_000, NOW, "a", null, 12, null));
    }

    @Test
    void heartbeat_moreFreeSlotsThanRegistered_isBadRequestAndChangesNothing() {
        registerWithCapacity(1, 2, 2, null, file("a", 1));
        clock.advance(Duration.ofSeconds(5));

        Message reply = live.handle(new Heartbeat(key(1), null, 3), "alice");

        assertThat(reply).isEqualTo(new ErrorReply(ErrorReply.BAD_REQUEST,
                "freeSlots 3 is more than the 2 slots this peer registered."));
        assertThat(holdersOf("a")).extracting(Holder::freeSlots).containsExactly(2);
        assertThat(((PeerList) live.handle(new ListPeers(null), "bob")).peers())
                .extracting(PeerInfo::lastSeen).as("the lease was not renewed").containsExactly(NOW);
    }

    @Test
    void update_keepsTheUploadCapacity() {
        registerWithCapacity(1, 4, 1, 0L, file("a", 1));
        live.handle(new Heartbeat(key(1), null, 2), "alice");

        live.handle(new Update(key(1), List.of(file("b", 2)), List.of()), "alice");

        assertThat(holdersOf("b")).containsExactly(new Holder(1, "10.0.0.1", 25_000, NOW, "b", 4, 2, 0L));
    }

    @Test
    void register_againWithoutUploadCapacity_forgetsIt() {
        registerWithCapacity(1, 4, 1, 100L, file("a", 1));
        live.handle(new Heartbeat(key(1), null, 3), "alice");

        registerLive(1, file("a", 1));

        assertThat(holdersOf("a")).containsExactly(new Holder(1, "10.0.0.1", 25_000, NOW, "a"));
    }

    @Test
    void listPeers_showsUploadCapacityWithTheLatestFreeSlots() {
        registerWithCapacity(1, 8, 8, 1_048_576L);
        registerLive(2);
        clock.advance(Duration.ofSeconds(5));
        live.handle(new Heartbeat(key(1), null, 6), "alice");

        Message reply = live.handle(new ListPeers(null), "bob");

        assertThat(reply).isEqualTo(new PeerList(List.of(
                new PeerInfo(1, "10.0.0.1", 25_000, 0, 0, NOW.plusSeconds(5), 8, 6, 1_048_576L),
                new PeerInfo(2, "10.0.0.2", 25_000, 0, 0, NOW))));
    }

    @Test
    void listPeers_withLimit_returnsTheLowestIds() {
        for (int n = 1; n <= 5; n++) {
            registerLive(n);
        }
        live.handle(new Unregister(key(2)), "alice");

        PeerList reply = (PeerList) live.handle(new ListPeers(3), "bob");

        assertThat(reply.peers()).extracting(PeerInfo::peerId).containsExactly(1, 3, 4);
    }

    @Test
    void listPeers_nobodyRegistered_isEmpty() {
        assertThat(live.handle(new ListPeers(10), "bob")).isEqualTo(new PeerList(List.of()));
    }
}
