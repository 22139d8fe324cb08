package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code up} and {@code broker} as the launcher script runs them, in this JVM, stopped as Ctrl-C would. */
class BrokerMainIT {
    /** The first line of up/broker; the README quotes it. */
    static final Pattern LISTENING = Pattern.compile(
            "Broker listening on tcp://(\\S+):(\\d+) \\(OpenWire\\) and stomp://(\\S+):(\\d+) \\(STOMP\\); data in (.+)");
    /** The line right after it. */
    static final Pattern CONSOLE = Pattern.compile("Web console on http://(\\S+):(\\d+)/admin \\(login admin\\)\\.");
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final BrokerMain main = new BrokerMain();

    @Test
    void up_printsListeningConsoleIndexerReadyAndAnswersSearches() throws Exception {
        CompletableFuture<Integer> exit = run("up");

        await().atMost(Duration.ofSeconds(60)).until(() -> lines().size() >= 4 || exit.isDone());
        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        Matcher listening = LISTENING.matcher(lines.get(0));
        assertThat(listening.matches()).as(lines.get(0)).isTrue();
        assertThat(listening.group(1)).isEqualTo("127.0.0.1");
        assertThat(listening.group(5)).isEqualTo(data.toString());
        Matcher console = CONSOLE.matcher(lines.get(1));
        assertThat(console.matches()).as(lines.get(1)).isTrue();
        assertThat(console.group(1)).isEqualTo("127.0.0.1");
        assertThat(Integer.parseInt(console.group(2))).isPositive();
        assertThat(lines.subList(2, 4)).containsExactly("Indexer ready.", "Press Ctrl-C to stop.");

        String url = "tcp://127.0.0.1:" + listening.group(2);
        try (Connection peer = new BrokerConnector(new ClientSettings(url, "peer", "peer")).connect("it-peer");
             RequestReplyClient client = new RequestReplyClient(peer, new JmsCodec(ProtocolCodec.standard()))) {
            Message reply = client.request(Destinations.SEARCH, Search.byName("6.txt"), Delivery.NON_PERSISTENT,
                    Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            assertThat(reply).isInstanceOf(SearchResult.class);
        }

        main.requestStop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void broker_printsListeningAndConsoleAndStopsCleanly() throws Exception {
        CompletableFuture<Integer> exit = run("broker");

        await().atMost(Duration.ofSeconds(60)).until(() -> lines().size() >= 3 || exit.isDone());
        assertThat(lines()).hasSize(3);
        Matcher listening = LISTENING.matcher(lines().get(0));
        assertThat(listening.matches()).as(lines().get(0)).isTrue();
        assertThat(CONSOLE.matcher(lines().get(1)).matches()).as(lines().get(1)).isTrue();
        assertThat(lines().get(2)).isEqualTo("Press Ctrl-C to stop.");

        main.requestStop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }

    private CompletableFuture<Integer> run(String command) {
        CommandLine commandLine = BrokerMain.commandLine(main);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] args = {command, "--broker-port", "0", "--stomp-port", "0", "--console-port", "0", "--data", data.toString(),
                "--config-dir", CONFIG_DIR.toString()};
        return CompletableFuture.supplyAsync(() -> commandLine.execute(args));
    }

    private List<String> lines() {
        synchronized (out.getBuffer()) {
            return out.toString().lines().toList();
        }
    }
}
