package napster.indexer;

import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static napster.indexer.Files.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.jms.RemoteErrorException;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.Message;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The indexer against a real broker, spoken to as peers and foreign clients would. */
class IndexerIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedBroker broker;
    private static Indexer indexer;
    private static TestPeer alice;
    private static TestPeer bob;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start();
        indexer = Indexer.start(new ClientSettings(broker.url(), "indexer", "indexer"), Clock.fixed(NOW, ZoneOffset.UTC));
        alice = TestPeer.connect(broker.url(), "alice");
        bob = TestPeer.connect(broker.url(), "bob");
    }

    @AfterAll
    static void stop() throws Exception {
        alice.close();
        bob.close();
        indexer.close();
        broker.close();
    }

    /** Registers a fresh peer key as {@code peer} and returns its id. */
    private static int register(TestPeer peer, int keyNumber, String host, int port, SharedFile... files) throws Exception {
        Message reply = peer.register(new Register(key(keyNumber), host, port, List.of(files)));
        assertThat(reply).isInstanceOf(Ack.class);
        return ((Ack) reply).peerId();
    }

    @Test
    void search_exactNameSharedByTwoPeers_returnsOneHitWithBothHolders() throws Exception {
        int aliceId = register(alice, 101, "10.1.0.1", 25_001, file("overlap.iso", 101), file("alice-only.txt", 102));
        int bobId = register(bob, 102, "10.1.0.2", 25_002, file("overlap.iso", 101));

        SearchResult result = bob.search(Search.byName("overlap.iso"));

        assertThat(aliceId).isLessThan(bobId);
        assertThat(result).isEqualTo(new SearchResult("overlap.iso", List.of(new FileHit("overlap.iso", 1_101, sha(101),
                List.of(new Holder(aliceId, "10.1.0.1", 25_001, NOW, "overlap.iso"),
                        new Holder(bobId, "10.1.0.2", 25_002, NOW, "overlap.iso"))))));
    }

    @Test
    void search_word_findsNamesWithThatWordInAnyCase_inFoldedNameOrder() throws Exception {
        register(alice, 201, "10.2.0.1", 25_001, file("Summer-Holiday.jpg", 201), file("holiday.txt", 202),
                file("winter.jpg", 203));

        SearchResult result = alice.search(Search.byName("HOLIDAY"));

        assertThat(result.results()).as("whole-word matches in name order, case folded ('h' < 's')")
                .extracting(FileHit::name).containsExactly("holiday.txt", "Summer-Holiday.jpg");
        assertThat(alice.search(Search.byName("olida")).results()).as("a fragment inside a word").isEmpty();
    }

    @Test
    void search_bySha256_returnsTheContentAndEchoesTheHash() throws Exception {
        int peerId = register(alice, 301, "10.3.0.1", 25_001, file("by-hash.bin", 301));

        SearchResult result = bob.search(Search.byHash(sha(301)));

        assertThat(result.query()).isEqualTo(sha(301));
        assertThat(result.results()).singleElement().satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("by-hash.bin");
            assertThat(hit.peers()).extracting(Holder::peerId).containsExactly(peerId);
        });
    }

    @Test
    void search_nameNobodyShares_returnsNoResults() throws Exception {
        assertThat(bob.search(Search.byName("nobody-shares-this.txt")).results()).isEmpty();
    }

    @Test
    void register_peerKeyOfAnotherUser_isForbidden() throws Exception {
        register(alice, 401, "10.4.0.1", 25_001, file("mine.txt", 401));

        assertThatThrownBy(() -> bob.register(new Register(key(401), "10.4.0.2", 25_002, List.of())))
                .isInstanceOfSatisfying(RemoteErrorException.class,
                        e -> assertThat(e.reply().code()).isEqualTo(ErrorReply.FORBIDDEN));
    }

    @Test
    void update_unknownPeer_isToldToRegisterAgain() throws Exception {
        assertThatThrownBy(() -> alice.register(new Update(key(501), List.of(file("x", 501)), List.of())))
                .isInstanceOfSatisfying(RemoteErrorException.class,
                        e -> assertThat(e.reply().code()).isEqualTo(ErrorReply.UNKNOWN_PEER));
    }

    @Test
    void unregister_removesThePeersFilesFromSearch() throws Exception {
        int peerId = register(alice, 551, "10.5.5.1", 25_001, file("leaving.txt", 551));

        assertThat(alice.register(new Unregister(key(551)))).isEqualTo(new Ack(peerId, 0));
        assertThat(bob.search(Search.byName("leaving.txt")).results()).isEmpty();
    }

    @Test
    void invalidJson_getsBadRequestAndTheIndexerStillAnswers() throws Exception {
        try (RawRequester raw = new RawRequester(broker.url(), "carol")) {
            String correlationId = raw.send(Destinations.SEARCH, raw.session().createTextMessage("{\"type\":\"search\","));

            RawRequester.Reply reply = raw.receive(REPLY_TIMEOUT);

            assertThat(reply.correlationId()).isEqualTo(correlationId);
            assertThat(reply.jmsType()).isEqualTo("error");
            assertThat(reply.message()).isEqualTo(new ErrorReply(ErrorReply.BAD_REQUEST, "The message is not valid JSON."));
        }
        assertThat(bob.search(Search.byName("still-alive")).results()).isEmpty();
    }

    @Test
    void invalidField_getsBadRequestAndIndexesNothing() throws Exception {
        try (RawRequester raw = new RawRequester(broker.url(), "carol")) {
            String json = "{\"type\":\"register\",\"peerKey\":\"" + key(601) + "\",\"host\":\"h\",\"port\":1,"
                    + "\"files\":[{\"name\":\"../etc/passwd\",\"size\":1,\"sha256\":\"" + sha(601) + "\"}]}";
            raw.send(Destinations.REGISTER, raw.session().createTextMessage(json));

            Message reply = raw.receive(REPLY_TIMEOUT).message();

            assertThat(reply).isInstanceOfSatisfying(ErrorReply.class, error -> {
                assertThat(error.code()).isEqualTo(ErrorReply.BAD_REQUEST);
                assertThat(error.message()).contains("path separator");
            });
        }
        assertThat(indexer.service().peerByKey(key(601))).isEmpty();
    }

    @Test
    void bytesMessageSearch_getsASearchResult() throws Exception {
        register(alice, 701, "10.7.0.1", 25_001, file("from-stomp.txt", 701));
        try (RawRequester raw = new RawRequester(broker.url(), "stomp-client")) {
            BytesMessage request = raw.session().createBytesMessage();
            request.writeBytes("{\"type\":\"search\",\"query\":\"from-stomp.txt\"}".getBytes(StandardCharsets.UTF_8));
            String correlationId = raw.send(Destinations.SEARCH, request);

            RawRequester.Reply reply = raw.receive(REPLY_TIMEOUT);

            assertThat(reply.correlationId()).isEqualTo(correlationId);
            assertThat(reply.jmsType()).isEqualTo("searchResult");
            assertThat(reply.deliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(reply.expiration()).as("replies expire").isPositive();
            assertThat(((SearchResult) reply.message()).results()).extracting(FileHit::sha256).containsExactly(sha(701));
        }
    }

    @Test
    void searchSentToRegisterQueue_isRefused() throws Exception {
        assertThatThrownBy(() -> alice.register(Search.byName("wrong-queue")))
                .isInstanceOfSatisfying(RemoteErrorException.class,
                        e -> assertThat(e.reply().message()).contains("napster.register", "\"search\""));
    }

    @Test
    void replyToVanishedTemporaryQueue_doesNotStopTheIndexer() throws Exception {
        TemporaryQueue vanished;
        try (var gone = new BrokerConnector(new ClientSettings(broker.url(), "gone", "gone")).connect("gone")) {
            vanished = gone.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
        }
        try (RawRequester raw = new RawRequester(broker.url(), "carol")) {
            for (int i = 0; i < 3; i++) {
                raw.send(Destinations.SEARCH, raw.session().createTextMessage("{\"type\":\"search\",\"query\":\"x\"}"),
                        vanished);
            }
        }

        register(alice, 801, "10.8.0.1", 25_001, file("after-vanished.txt", 801));
        assertThat(bob.search(Search.byName("after-vanished.txt")).results()).hasSize(1);
    }

    /** Median of 21 runs after 5 warm-ups, e.g. "2.1 ms". */
    private static String medianMillis(ThrowingRunnable action) throws Exception {
        for (int i = 0; i < 5; i++) {
            action.run();
        }
        double[] millis = new double[21];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return String.format("%.2f ms", millis[millis.length / 2]);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void register_100kFilesIn100Batches_allIndexedAndSearchable() throws Exception {
        int batches = 100;
        int batchSize = 1_000;
        List<Message> messages = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            List<SharedFile> files = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                int n = b * batchSize + i;
                files.add(new SharedFile(String.format("bulk-%06d.dat", n), n, sha(10_000_000L + n)));
            }
            messages.add(b == 0 ? new Register(key(901), "10.9.0.1", 25_001, files) : new Update(key(901), files, List.of()));
        }

        long started = System.nanoTime();
        List<CompletableFuture<Message>> replies = new ArrayList<>(batches);
        for (Message message : messages) {
            replies.add(alice.registerAsync(message));
        }
        Message last = TestPeer.await(replies.get(batches - 1));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Registered 100000 files in %d batches of %d in %.0f ms (%.0f files/s)%n",
                batches, batchSize, seconds * 1_000, 100_000 / seconds);

        assertThat(last).isInstanceOfSatisfying(Ack.class, ack -> assertThat(ack.files()).isEqualTo(100_000));
        for (int b = 0; b < batches; b++) {
            assertThat(((Ack) TestPeer.await(replies.get(b))).files()).isEqualTo((b + 1) * batchSize);
        }
        assertThat(indexer.service().index().fileCount(((Ack) last).peerId())).isEqualTo(100_000);

        // "bulk 0999": the word bulk and a word starting 0999 (bulk-099900.dat ... bulk-099999.dat)
        SearchResult prefixes = bob.search(Search.byName("bulk 0999"));
        System.out.printf("Prefix search over %d indexed files: round trip %s, in process %s%n",
                indexer.stats().files(), medianMillis(() -> bob.search(Search.byName("bulk 0999"))),
                medianMillis(() -> Searching.hits(indexer.service(), "bulk 0999", 100)));
        assertThat(prefixes.results()).hasSize(100);
        assertThat(bob.search(Search.byName("bulk-099999.dat")).results()).extracting(FileHit::sha256)
                .containsExactly(sha(10_099_999L));
        assertThat(bob.search(Search.byHash(sha(10_054_321L))).results()).extracting(FileHit::name)
                .containsExactly("bulk-054321.dat");
    }
}
