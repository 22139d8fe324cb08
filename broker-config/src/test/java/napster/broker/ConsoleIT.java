package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Ack;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.indexer.Indexer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ActiveMQ web console beside the real broker (activemq.xml) and the indexer, all on
 * ephemeral ports: it shows the napster queues with their counts after napster traffic, and
 * only to the admins group.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final String SIX_SHA256 = "c6376fee97afaf2593b90ae990ec2fd8326b46cdbaa9b23a7d95dd1095fb14ad";

    @TempDir
    static Path data;

    static BrokerLauncher broker;
    static WebConsole console;
    static Indexer indexer;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startAll() throws Exception {
        broker = BrokerLauncher.start(new BrokerSettings(CONFIG_DIR, "127.0.0.1", 0, 0, data));
        console = WebConsole.start(ConsoleSettings.of("127.0.0.1", 0, data));
        System.out.println("Web console start-up time (in-JVM, WebConsole.start after the broker): "
                + console.startupTime().toMillis() + " ms");
        indexer = Indexer.start(new ClientSettings(broker.localOpenWireUrl(), "indexer", "indexer"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (indexer != null) {
            indexer.close();
        }
        if (console != null) {
            console.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void queuesPage_afterRegisterAndSearch_listsBothQueuesWithTheirCounts() throws Exception {
        try (Connection peer = new BrokerConnector(new ClientSettings(broker.localOpenWireUrl(), "peer", "peer"))
                .connect("it-console-peer");
             RequestReplyClient client = new RequestReplyClient(peer, new JmsCodec(ProtocolCodec.standard()))) {
            Register register = new Register("console-it-peer-key-0001", "127.0.0.1", 25_000,
                    List.of(new SharedFile("6.txt", 21, SIX_SHA256)));
            assertThat(client.request(Destinations.REGISTER, register, Delivery.PERSISTENT, REPLY)
                    .get(15, TimeUnit.SECONDS)).isInstanceOf(Ack.class);
            Message reply = client.request(Destinations.SEARCH, Search.byName("6.txt"), Delivery.NON_PERSISTENT, REPLY)
                    .get(15, TimeUnit.SECONDS);
            assertThat(reply).isInstanceOfSatisfying(SearchResult.class, found -> assertThat(found.results()).hasSize(1));
        }

        long began = System.nanoTime();
        HttpResponse<String> first = get("queues.jsp", "admin", "admin");
        System.out.println("First hit on queues.jsp (compiles the JSP): "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms");
        assertThat(first.statusCode()).isEqualTo(200);

        // a reply proves the broker took the request in; the indexer's acknowledgement may trail the reply
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<QueueRow> rows = QueueRow.parse(get("queues.jsp", "admin", "admin").body());
            for (String queue : List.of(Destinations.REGISTER, Destinations.SEARCH)) {
                QueueRow row = rows.stream().filter(r -> r.name().equals(queue)).findFirst().orElseThrow(
                        () -> new AssertionError(queue + " is not on the Queues page: " + rows));
                assertThat(row.enqueued()).as(queue + " enqueued").isGreaterThanOrEqualTo(1);
                assertThat(row.dequeued()).as(queue + " dequeued").isGreaterThanOrEqualTo(1);
                assertThat(row.consumers()).as(queue + " consumers (the indexer)").isGreaterThanOrEqualTo(1);
                assertThat(row.pending()).as(queue + " pending").isZero();
            }
        });
        System.out.println("Queues page after one register and one search: " + QueueRow.parse(get("queues.jsp", "admin", "admin").body()));
    }

    @Test
    void browse_queueHoldingAMessage_showsItThroughTheConsolesOwnLogin() throws Exception {
        String queue = "console.it.browse";
        try (Connection admin = new BrokerConnector(new ClientSettings(broker.localOpenWireUrl(), "admin", "admin"))
                .connect("it-console-admin")) {
            Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage("{\"type\":\"search\",\"query\":\"6.txt\"}");
            message.setJMSType("search");
            producer.send(message);
        }

        // the console browses over vm:// with the request's Basic credentials: the broker checks them too
        HttpResponse<String> page = get("browse.jsp?JMSDestination=" + queue, "admin", "admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Browse " + queue).containsPattern("ID:[^<\"]+");
    }

    @Test
    void topicsPage_listsTheNapsterTopics() throws Exception {
        HttpResponse<String> page = get("topics.jsp", "admin", "admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(Destinations.CONTROL, Destinations.EVENTS);
    }

    @Test
    void queuesPage_withoutLogin_is401WithABasicChallenge() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(console.uri().resolve("/admin/queues.jsp"))
                .timeout(REPLY).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWithIgnoringCase("basic realm="));
    }

    @Test
    void queuesPage_peerOrIndexerLogin_is403() throws Exception {
        assertThat(get("queues.jsp", "peer", "peer").statusCode()).isEqualTo(403);
        assertThat(get("queues.jsp", "indexer", "indexer").statusCode()).isEqualTo(403);
    }

    @Test
    void queuesPage_wrongAdminPassword_is401() throws Exception {
        assertThat(get("queues.jsp", "admin", "not-the-password").statusCode()).isEqualTo(401);
    }

    @Test
    void scratchFiles_liveBelowTheDataFolder() {
        assertThat(data.resolve("webconsole")).isDirectory();
    }

    @Test
    void consoleUri_isTheBrokerHostWithTheBoundPort() {
        assertThat(console.uri().getScheme()).isEqualTo("http");
        assertThat(console.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(console.uri().getPort()).isPositive();
        assertThat(console.uri().getPath()).isEqualTo("/admin");
    }

    @Test
    void start_onAPortTakenMeanwhile_failsWithOneSentence(@TempDir Path otherData) throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();

            assertThatThrownBy(() -> WebConsole.start(ConsoleSettings.of("127.0.0.1", port, otherData)))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessage("Port " + port + " on 127.0.0.1 is already in use; pass --console-port to choose another.");
        }
    }

    @Test
    void start_withoutTheUnpackedWar_failsWithOneSentence(@TempDir Path empty) {
        assertThatThrownBy(() -> WebConsole.start(new ConsoleSettings("127.0.0.1", 0, empty, empty.resolve("work"))))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("The web console is not built (" + empty + " is missing); build it with"
                        + " ./mvnw -B -DskipTests package.");
    }

    private static HttpResponse<String> get(String page, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.uri() + "/" + page))
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One row of the console's queues table: name, pending, consumers, enqueued, dequeued. */
    record QueueRow(String name, long pending, long consumers, long enqueued, long dequeued) {
        private static final Pattern TABLE = Pattern.compile("<table id=\"queues\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL);
        private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
        private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

        static List<QueueRow> parse(String html) {
            Matcher table = TABLE.matcher(html);
            if (!table.find()) {
                throw new AssertionError("No queues table on the page");
            }
            List<QueueRow> rows = new ArrayList<>();
            Matcher row = ROW.matcher(table.group(1));
            while (row.find()) {
                parseRow(row.group(1)).ifPresent(rows::add);
            }
            return rows;
        }

        private static Optional<QueueRow> parseRow(String row) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row);
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]*>", "").strip());
            }
            if (cells.size() < 5) {
                return Optional.empty();
            }
            return Optional.of(new QueueRow(cells.get(0), Long.parseLong(cells.get(1)), Long.parseLong(cells.get(2)),
                    Long.parseLong(cells.get(3)), Long.parseLong(cells.get(4))));
        }
    }
}
