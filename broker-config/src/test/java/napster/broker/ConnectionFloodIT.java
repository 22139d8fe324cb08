package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import napster.common.jms.Destinations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sockets that connect and never log in, against the real activemq.xml: 1,000 of them, opened
 * again as soon as the broker closes one, lock no real client out of OpenWire or STOMP, and
 * every one of them is closed within the 5 s login timeout, without a log line of its own.
 */
class ConnectionFloodIT {
    private static final int IDLE_SOCKETS = 1_000;
    private static final int MAX_OPENS = 60_000;
    private static final Duration FLOOD_TIME = Duration.ofSeconds(10);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(5);
    /** Besides the login timeout: the broker's sweep every 250 ms, and accepting under load. */
    private static final Duration SLACK = Duration.ofMillis(2_500);

    @RegisterExtension
    static final RealBroker broker = new RealBroker();

    private static EchoResponder responder;

    @BeforeAll
    static void startResponder() throws Exception {
        responder = EchoResponder.start(broker);
    }

    @AfterAll
    static void stopResponder() throws Exception {
        responder.close();
    }

    @Test
    void openWire_floodOfIdleSockets_realClientGetsInEveryTime() throws Exception {
        flood("openwire", broker.openWirePort(), ConnectionFloodIT::openWireRequestReply);
    }

    @Test
    void stomp_floodOfIdleSockets_realClientGetsInEveryTime() throws Exception {
        flood("stomp", broker.stompPort(), ConnectionFloodIT::stompRequestReply);
    }

    /** The flood's real client under load, made certain: its login is read, then 200 newer idle sockets come. */
    @Test
    void stomp_aLoginUnderWay_outlastsHundredsOfNewerIdleSockets() throws Exception {
        ConnectorLogins logins = broker.logins("stomp");
        try (Socket slow = new Socket("127.0.0.1", broker.stompPort())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("CONNECT\naccept-version:1.2\nhost:localhost\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(LOGIN_TIMEOUT).until(() -> logins.readFrom() == 1);

            try (IdleSockets idle = IdleSockets.start(broker.stompPort(), 400, 400)) {
                await().atMost(LOGIN_TIMEOUT).until(() -> idle.closedByServer() >= 200);
                out.write("login:peer\npasscode:peer\nheart-beat:0,0\n\n\0".getBytes(StandardCharsets.UTF_8));
                out.flush();
                byte[] answer = new byte[9];
                int read = slow.getInputStream().readNBytes(answer, 0, answer.length);
                assertThat(new String(answer, 0, read, StandardCharsets.UTF_8)).isEqualTo("CONNECTED");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openwire", "stomp"})
    void idleSockets_areClosedAtTheLoginTimeout_loggedInClientsStay(String connector) throws Exception {
        int port = connector.equals("openwire") ? broker.openWirePort() : broker.stompPort();
        try (Connection loggedIn = broker.login("peer"); IdleSockets idle = IdleSockets.start(port, 50, 50)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.opened() == 50);
            idle.stopReopening();

            await().atMost(LOGIN_TIMEOUT.plus(SLACK).plusSeconds(5)).until(() -> idle.open() == 0);
            assertThat(idle.shortestLife()).isGreaterThanOrEqualTo(LOGIN_TIMEOUT.minusMillis(100));
            assertThat(idle.longestLife()).isLessThanOrEqualTo(LOGIN_TIMEOUT.plus(SLACK));
            requestReply(loggedIn, "still here");
        }
    }

    private interface Attempt {
        void run(String body) throws Exception;
    }

    /** Holds 1,000 idle sockets open for 10 s while a real client logs in and asks, again and again. */
    private static void flood(String connector, int port, Attempt attempt) throws Exception {
        int attempts = 0;
        try (StandardErrorTap log = StandardErrorTap.open(1 << 20);
             IdleSockets idle = IdleSockets.start(port, IDLE_SOCKETS, MAX_OPENS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> idle.opened() >= IDLE_SOCKETS);
            long end = System.nanoTime() + FLOOD_TIME.toNanos();
            long slowest = 0;
            while (System.nanoTime() < end) {
                long began = System.nanoTime();
                attempt.run("attempt " + attempts);
                slowest = Math.max(slowest, System.nanoTime() - began);
                attempts++;
            }
            idle.stopReopening();
            System.out.printf("%s: %d idle sockets opened, %d closed by the broker; %d real logins and"
                            + " request-replies, slowest %d ms; %s%n", connector, idle.opened(), idle.closedByServer(),
                    attempts, slowest / 1_000_000, broker.logins(connector).takeClosedSummary());

            assertThat(idle.failure()).isNull();
            await().atMost(LOGIN_TIMEOUT.plus(SLACK).plusSeconds(5)).until(() -> idle.open() == 0);
            assertThat(idle.longestLife()).isLessThanOrEqualTo(LOGIN_TIMEOUT.plus(SLACK));
            assertThat(log.linesContaining("[WARN]")).as("warnings the broker logged, one per socket it closed")
                    .isLessThan(10);
        }
        assertThat(attempts).isGreaterThanOrEqualTo(5);
    }

    private static void openWireRequestReply(String body) throws Exception {
        try (Connection connection = broker.login("peer")) {
            requestReply(connection, body);
        }
    }

    private static void requestReply(Connection connection, String body) throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(replies);
        TextMessage request = session.createTextMessage(body);
        request.setJMSReplyTo(replies);
        session.createProducer(session.createQueue(Destinations.SEARCH))
                .send(request, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, 10_000);
        Message reply = consumer.receive(10_000);
        assertThat(reply).as("the reply to \"%s\"", body).isNotNull();
        assertThat(((TextMessage) reply).getText()).isEqualTo(body);
        session.close();
    }

    private static void stompRequestReply(String body) throws Exception {
        try (StompClient stomp = StompClient.login(broker.stompPort(), "peer", "peer")) {
            stomp.send("SUBSCRIBE\nid:replies\ndestination:/temp-queue/replies\n\n");
            stomp.send("SEND\ndestination:/queue/" + Destinations.SEARCH + "\nreply-to:/temp-queue/replies\n\n" + body);
            assertThat(stomp.readFrame()).startsWith("MESSAGE").endsWith("\n\n" + body);
        }
    }
}
