package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import napster.common.jms.ClientSettings;
import napster.common.protocol.Ack;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.testing.EmbeddedBroker;
import napster.common.testing.ProtocolDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked STOMP example of PROTOCOL.md, run as printed: the frames the document shows
 * are sent byte for byte over a plain socket to a broker with a STOMP connector and the real
 * indexer, and what comes back must be the frames the document shows.
 */
class StompSearchIT {
    private static final Instant SHARED_AT = Instant.parse("2026-11-25T18:16:38Z");
    private static final String SHA = "c6376fee97afaf2593b90ae990ec2fd8326b46cdbaa9b23a7d95dd1095fb14ad";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Header values that differ on every run; the document shows one run's values. */
    private static final Set<String> VARYING = Set.of("session", "message-id", "timestamp", "expires");

    private static ProtocolDoc doc;
    private static EmbeddedBroker broker;
    private static Indexer indexer;
    private static TestPeer peer;

    @BeforeAll
    static void start() throws Exception {
        doc = ProtocolDoc.load();
        broker = EmbeddedBroker.builder().stomp().capTimesToLive()
                .users(Map.of("admin", "admin", "indexer", "indexer", "peer", "peer"))
                .start();
        indexer = Indexer.start(new ClientSettings(broker.url(), "indexer", "indexer"),
                Clock.fixed(SHARED_AT, ZoneOffset.UTC));
        peer = TestPeer.connect(broker.url(), "peer");
        Object ack = peer.register(new Register("stomp-example-peer-key", "127.0.0.1", 25_000,
                List.of(new SharedFile("6.txt", 21, SHA))));
        assertThat(ack).as("the document's example peer").isEqualTo(new Ack(1, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (indexer != null) {
            indexer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void stompSearch_framesAsProtocolMdPrintsThem_getTheDocumentedReply() throws Exception {
        try (StompClient stomp = StompClient.connect(broker.stompPort(), READ_TIMEOUT)) {
            stomp.send(doc.stompFrame("stomp:connect"));
            assertMatches(stomp.read(), documented("stomp:connected"));

            stomp.send(doc.stompFrame("stomp:subscribe"));
            StompFrame search = StompFrame.parse(doc.stompFrame("stomp:send"));
            assertThat(search.header("content-length")).as("a text message: no content-length").isNull();
            stomp.send(doc.stompFrame("stomp:send"));
            StompFrame reply = stomp.read();

            assertMatches(reply, documented("stomp:message"));
            assertThat(reply.header("correlation-id")).isEqualTo(search.header("correlation-id"));
            assertIsTheExampleResult(reply.body());

            stomp.send(doc.stompFrame("stomp:disconnect"));
            assertMatches(stomp.read(), documented("stomp:receipt"));
        }
    }

    @Test
    void stompSearch_withContentLength_isAnsweredLikeWithout() throws Exception {
        try (StompClient stomp = StompClient.connect(broker.stompPort(), READ_TIMEOUT)) {
            stomp.send(doc.stompFrame("stomp:connect"));
            assertThat(stomp.read().command()).isEqualTo("CONNECTED");
            stomp.send(doc.stompFrame("stomp:subscribe"));
            StompFrame search = StompFrame.parse(doc.stompFrame("stomp:send-with-content-length"));
            assertThat(search.header("content-length")).as("a bytes message")
                    .isEqualTo(String.valueOf(search.body().getBytes(StandardCharsets.UTF_8).length));

            stomp.send(doc.stompFrame("stomp:send-with-content-length"));
            StompFrame reply = stomp.read();

            assertMatches(reply, withHeader(documented("stomp:message"), "correlation-id",
                    search.header("correlation-id")));
            assertIsTheExampleResult(reply.body());
        }
    }

    @Test
    void stompConnect_wrongPasscode_getsTheDocumentedErrorAndIsClosed() throws Exception {
        String connect = new String(doc.stompFrame("stomp:connect"), StandardCharsets.UTF_8);
        assertThat(connect).contains("\npasscode:peer\n");
        try (StompClient stomp = StompClient.connect(broker.stompPort(), READ_TIMEOUT)) {
            stomp.send(connect.replace("\npasscode:peer\n", "\npasscode:wrong\n").getBytes(StandardCharsets.UTF_8));

            // ActiveMQ sends the ERROR frame, then hangs up; when the CONNECT overtakes the start of the
            // broker's connection, it hangs up without the frame (PROTOCOL.md, section 12): never a session
            java.util.Optional<StompFrame> refusal = stomp.readOrEnd();
            if (refusal.isPresent()) {
                assertMatches(refusal.get(), documented("stomp:login-refused"));
            }
            assertThat(new String(stomp.readToEnd(), StandardCharsets.UTF_8)).as("then the broker hangs up").isBlank();
        }
    }

    private static void assertIsTheExampleResult(String body) throws Exception {
        SearchResult result = ProtocolCodec.standard().decode(body, SearchResult.class);
        assertThat(result.query()).isEqualTo("6.txt");
        assertThat(result.results()).singleElement().satisfies(hit -> {
            assertThat(hit).extracting(FileHit::name, FileHit::size, FileHit::sha256).containsExactly("6.txt", 21L, SHA);
            assertThat(hit.peers()).singleElement()
                    .extracting(Holder::peerId, Holder::host, Holder::port, Holder::sharedAt)
                    .containsExactly(1, "127.0.0.1", 25_000, SHARED_AT);
        });
    }

    private static StompFrame documented(String name) throws Exception {
        return StompFrame.parse(doc.stompFrame(name));
    }

    private static StompFrame withHeader(StompFrame frame, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(frame.headers());
        headers.put(name, value);
        return new StompFrame(frame.command(), headers, frame.body());
    }

    /**
     * Same command, the same header names (in any order), the same values except those that
     * vary per run, the same body; timestamps as far apart as the document shows them.
     */
    private static void assertMatches(StompFrame actual, StompFrame expected) {
        assertThat(actual.command()).isEqualTo(expected.command());
        assertThat(actual.headers().keySet()).as("headers of " + actual)
                .containsExactlyInAnyOrderElementsOf(expected.headers().keySet());
        expected.headers().forEach((name, value) -> {
            if (!VARYING.contains(name)) {
                assertThat(actual.header(name)).as("header " + name).isEqualTo(value);
            }
        });
        if (expected.headers().containsKey("expires")) {
            assertThat(timeToLive(actual)).as("expires - timestamp").isEqualTo(timeToLive(expected));
        }
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    private static long timeToLive(StompFrame frame) {
        return Long.parseLong(frame.header("expires")) - Long.parseLong(frame.header("timestamp"));
    }
}
