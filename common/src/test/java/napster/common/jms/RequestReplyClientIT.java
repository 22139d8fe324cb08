package napster.common.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request-reply against a real broker with a small responder that answers by query text. */
class RequestReplyClientIT {
    private static EmbeddedBroker broker;
    private static Connection responderConnection;
    private static final JmsCodec CODEC = new JmsCodec(ProtocolCodec.standard());

    @BeforeAll
    static void startBrokerAndResponder() throws Exception {
        broker = EmbeddedBroker.start();
        responderConnection = connector().connect("responder");
        Session session = responderConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replies = session.createProducer(null);
        // Replies go non-persistent (asynchronous): a synchronous send from a listener that
        // runs on the transport thread would wait for an answer only that thread can read.
        replies.setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        MessageConsumer consumer = session.createConsumer(session.createQueue("test.echo"));
        consumer.setMessageListener(jms -> {
            try {
                Search search = (Search) CODEC.fromJms(jms);
                if (search.query().equals("silence")) {
                    return;
                }
                Message reply = search.query().equals("fail")
                        ? new ErrorReply(ErrorReply.BAD_REQUEST, "Nope.")
                        : new Ack(search.query().length(), 0);
                jakarta.jms.Message out = CODEC.toJms(session, reply);
                out.setJMSCorrelationID(jms.getJMSCorrelationID());
                replies.send(jms.getJMSReplyTo(), out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        responderConnection.close();
        broker.close();
    }

    private static BrokerConnector connector() {
        return new BrokerConnector(new ClientSettings(broker.url(), "test", "test"));
    }

    @Test
    void request_manyConcurrent_eachGetsItsOwnReply() throws Exception {
        Connection connection = connector().connect("client");
        try (RequestReplyClient client = new RequestReplyClient(connection, CODEC)) {
            List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                replies.add(client.request("test.echo", Search.byName("x".repeat(i)), Delivery.NON_PERSISTENT,
                        Duration.ofSeconds(10)));
            }
            for (int i = 1; i <= 50; i++) {
                assertThat(replies.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(new Ack(i, 0));
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void request_errorReply_failsWithRemoteError() throws Exception {
        Connection connection = connector().connect("client");
        try (RequestReplyClient client = new RequestReplyClient(connection, CODEC)) {
            CompletableFuture<Message> reply = client.request("test.echo", Search.byName("fail"),
                    Delivery.NON_PERSISTENT, Duration.ofSeconds(10));
            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RemoteErrorException.class).hasMessage("Nope.");
        } finally {
            connection.close();
        }
    }

    @Test
    void request_noAnswer_timesOut() throws Exception {
        Connection connection = connector().connect("client");
        try (RequestReplyClient client = new RequestReplyClient(connection, CODEC)) {
            CompletableFuture<Message> reply = client.request("test.echo", Search.byName("silence"),
                    Delivery.NON_PERSISTENT, Duration.ofMillis(300));
            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TimeoutException.class);
        } finally {
            connection.close();
        }
    }

    @Test
    void connect_nothingListening_failsFastWithOneSentence() {
        BrokerConnector nowhere = new BrokerConnector(new ClientSettings("tcp://127.0.0.1:9", "peer", "peer"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> nowhere.connect("client")).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("Cannot reach the broker at tcp://127.0.0.1:9 (")
                .hasMessageEndingWith("is it running? Start it with ./napster up.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
