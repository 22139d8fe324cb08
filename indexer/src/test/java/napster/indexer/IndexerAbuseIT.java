package napster.indexer;

import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.RemoteErrorException;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.testing.EmbeddedBroker;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that asks too much costs only itself: the indexer answers one connection's flood with
 * rate-limited errors while another connection's searches are answered, replies live only as
 * long as their requests would, expired requests and requests nobody could be answered for cost
 * no work, and one indexer is one consumer of napster.search. A real broker, the real indexer.
 */
class IndexerAbuseIT {
    private static final String BODY = "{\"type\":\"search\",\"query\":\"victim\"}";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private EmbeddedBroker broker;

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private Indexer start(IndexerSettings settings) throws Exception {
        broker = EmbeddedBroker.start();
        closing.add(broker);
        Indexer indexer = Indexer.start(new napster.common.jms.ClientSettings(broker.url(), "indexer", "indexer"),
                settings);
        closing.add(indexer);
        return indexer;
    }

    private <T extends AutoCloseable> T closed(T resource) {
        closing.add(resource);
        return resource;
    }

    @Test
    void searchFlood_fromOneConnection_isRateLimitedWhileAnotherConnectionIsAnswered() throws Exception {
        start(IndexerSettings.defaults());
        TestPeer sharer = closed(TestPeer.connect(broker.url(), "peer"));
        assertThat(sharer.register(new Register(key(1), "10.0.0.1", 1, List.of(file("victim.txt", 1)))))
                .isInstanceOf(Ack.class);
        TestPeer attacker = closed(TestPeer.connect(broker.url(), "peer"));
        TestPeer victim = closed(TestPeer.connect(broker.url(), "peer"));

        long began = System.nanoTime();
        List<CompletableFuture<Message>> flood = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            flood.add(attacker.request(Destinations.SEARCH, Search.byName("victim"), Delivery.NON_PERSISTENT));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(victim.search(Search.byName("victim")).results()).hasSize(1);
        }
        int answered = 0;
        int limited = 0;
        for (CompletableFuture<Message> reply : flood) {
            try {
                assertThat(TestPeer.await(reply)).isInstanceOf(SearchResult.class);
                answered++;
            } catch (RemoteErrorException e) {
                assertThat(e.reply().code()).isEqualTo(ErrorReply.RATE_LIMITED);
                limited++;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        assertThat(answered + limited).isEqualTo(400);
        // at most the burst (40) and what 20 a second refilled meanwhile; however slow a loaded machine is
        assertThat(answered).as("searches answered in %.1f s", seconds)
                .isGreaterThanOrEqualTo(40).isLessThanOrEqualTo(40 + (int) Math.ceil(20 * seconds));
        assertThat(limited).as("searches refused as rate-limited").isPositive();
    }

    @Test
    void reply_livesWhatWasLeftOfItsRequestAtMost30s() throws Exception {
        start(IndexerSettings.defaults());
        RawRequester requester = closed(new RawRequester(broker.url(), "peer"));

        long shortLived = timeToLiveOfReplyTo(requester, 4_000);
        long longLived = timeToLiveOfReplyTo(requester, 600_000);

        assertThat(shortLived).isBetween(1L, 4_000L);
        assertThat(longLived).isBetween(25_000L, 30_000L);
    }

    private static long timeToLiveOfReplyTo(RawRequester requester, long requestTimeToLive) throws Exception {
        TextMessage search = requester.session().createTextMessage(BODY);
        requester.sendWith(Destinations.SEARCH, search, DeliveryMode.NON_PERSISTENT, requestTimeToLive);
        RawRequester.Reply reply = requester.receive(Duration.ofSeconds(10));
        assertThat(reply.message()).isInstanceOf(SearchResult.class);
        return reply.expiration() - System.currentTimeMillis();
    }

    @Test
    void search_thatExpiredBeforeTheIndexerTookIt_isNotAnswered() throws Exception {
        // the indexer's clock runs an hour ahead: every request with a time to live has expired for it
        start(IndexerSettings.defaults().withClock(
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofHours(1))));
        RawRequester requester = closed(new RawRequester(broker.url(), "peer"));

        requester.sendWith(Destinations.SEARCH, requester.session().createTextMessage(BODY),
                DeliveryMode.NON_PERSISTENT, 60_000);
        String answered = requester.sendWith(Destinations.SEARCH, requester.session().createTextMessage(BODY),
                DeliveryMode.NON_PERSISTENT, 0);

        assertThat(requester.receive(Duration.ofSeconds(10)).correlationId()).isEqualTo(answered);
        assertThat(requester.nothingWithin(Duration.ofMillis(500))).isTrue();
    }

    @Test
    void search_withAnOrdinaryQueueAsReplyTo_isNotAnswered() throws Exception {
        start(IndexerSettings.defaults());
        RawRequester requester = closed(new RawRequester(broker.url(), "peer"));
        ActiveMQQueue someoneElses = new ActiveMQQueue("someone.elses.queue");
        MessageConsumer elsewhere = requester.session().createConsumer(someoneElses);

        requester.send(Destinations.SEARCH, requester.session().createTextMessage(BODY), someoneElses);
        String answered = requester.send(Destinations.SEARCH, requester.session().createTextMessage(BODY));

        assertThat(requester.receive(Duration.ofSeconds(10)).correlationId()).isEqualTo(answered);
        assertThat(elsewhere.receive(500)).isNull();
    }

    @Test
    void searchQueue_oneIndexer_isOneConsumer() throws Exception {
        start(IndexerSettings.defaults().withSearchWorkers(4));

        assertThat(broker.service().getDestination(new ActiveMQQueue(Destinations.SEARCH)).getConsumers())
                .hasSize(1);
        assertThat(broker.service().getDestination(new ActiveMQQueue(Destinations.REGISTER)).getConsumers())
                .hasSize(1);
    }
}
