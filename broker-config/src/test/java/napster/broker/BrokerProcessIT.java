package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import jakarta.jms.Connection;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code napster up} in its own JVM, as the launcher script starts it: the printed lines, the
 * cold start-up time, SIGTERM, and a start failure that must be one line on stderr.
 */
class BrokerProcessIT {
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();

    @TempDir
    Path data;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void up_newJvm_printsItsLinesAndStopsOnSigterm() throws Exception {
        long began = System.nanoTime();
        Running up = start("up", "--broker-port", "0", "--stomp-port", "0", "--console-port", "0");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> up.out.size() >= 1 || !up.process.isAlive());
        long listeningMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> up.out.size() >= 2 || !up.process.isAlive());
        long consoleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> up.out.size() >= 4 || !up.process.isAlive());
        long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(up.out).hasSize(4);
        assertThat(BrokerMainIT.LISTENING.matcher(up.out.get(0)).matches()).as(up.out.get(0)).isTrue();
        assertThat(BrokerMainIT.CONSOLE.matcher(up.out.get(1)).matches()).as(up.out.get(1)).isTrue();
        assertThat(up.out.subList(2, 4)).containsExactly("Indexer ready.", "Press Ctrl-C to stop.");
        System.out.println("Cold start of `up` in a new JVM: java launch to 'Broker listening' " + listeningMillis
                + " ms, to 'Web console on' " + consoleMillis + " ms, to 'Press Ctrl-C to stop.' " + readyMillis + " ms");

        up.process.destroy(); // SIGTERM, as Ctrl-C or kill would send

        assertThat(up.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(up.process.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
        assertThat(up.err).isEmpty();
    }

    @Test
    void broker_portTaken_printsOneSentenceAndExits1() throws Exception {
        Running first = start("broker", "--broker-port", "0", "--stomp-port", "0", "--console-port", "0");
        await().atMost(Duration.ofSeconds(60)).until(() -> first.out.size() >= 3 || !first.process.isAlive());
        Matcher listening = BrokerMainIT.LISTENING.matcher(first.out.get(0));
        assertThat(listening.matches()).isTrue();
        String port = listening.group(2);

        Running second = start("broker", "--broker-port", port, "--stomp-port", "0", "--console-port", "0",
                "--data", data.resolve("other").toString());

        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.err.size() >= 1);
        assertThat(second.err).containsExactly(
                "Port " + port + " on 127.0.0.1 is already in use; pass --broker-port to choose another.");
        assertThat(second.out).isEmpty();
    }

    @Test
    void up_consolePortTaken_printsOneSentenceAndExits1BeforeStartingTheBroker() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();

            Running up = start("up", "--broker-port", "0", "--stomp-port", "0", "--console-port", Integer.toString(port));

            assertThat(up.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(up.process.exitValue()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> up.err.size() >= 1);
            assertThat(up.err).containsExactly(
                    "Port " + port + " on 127.0.0.1 is already in use; pass --console-port to choose another.");
            assertThat(up.out).isEmpty();
        }
    }

    @Test
    void up_everyInterfaceWithDefaultPasswords_refusesWithOneSentenceExit1() throws Exception {
        Running up = start("up", "--host", "0.0.0.0", "--broker-port", "0", "--stomp-port", "0", "--console-port", "0");

        assertThat(up.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(up.process.exitValue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> up.err.size() >= 1);
        assertThat(up.err).containsExactly("Refusing to listen on 0.0.0.0 while admin, indexer, peer still have the"
                + " default password; change it in " + CONFIG_DIR.resolve("users.properties") + " first.");
        assertThat(up.out).isEmpty();
    }

    @Test
    void up_everyInterfaceWithChangedPasswords_startsAndAnswersWithTheNewLogins(@TempDir Path config) throws Exception {
        for (String name : List.of("activemq.xml", "login.config", "groups.properties")) {
            Files.copy(CONFIG_DIR.resolve(name), config.resolve(name));
        }
        Files.writeString(config.resolve("users.properties"), "admin=Adm1n-pw\nindexer=Ind3xer-pw\npeer=P33r-pw\n");

        Running up = start("up", "--host", "0.0.0.0", "--broker-port", "0", "--stomp-port", "0", "--console-port", "0",
                "--config-dir", config.toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> up.out.size() >= 4 || !up.process.isAlive());
        assertThat(up.out).as(String.join("\n", up.err)).hasSize(4);
        Matcher listening = BrokerMainIT.LISTENING.matcher(up.out.get(0));
        assertThat(listening.matches()).as(up.out.get(0)).isTrue();
        assertThat(listening.group(1)).isEqualTo("0.0.0.0");
        assertThat(up.out.get(2)).isEqualTo("Indexer ready.");
        String url = "tcp://127.0.0.1:" + listening.group(2);
        assertThatThrownBy(() -> new BrokerConnector(new ClientSettings(url, "peer", "peer")).connect("it-old-login"))
                .isInstanceOf(BrokerUnavailableException.class);
        try (Connection peer = new BrokerConnector(new ClientSettings(url, "peer", "P33r-pw")).connect("it-new-login");
             RequestReplyClient client = new RequestReplyClient(peer, new JmsCodec(ProtocolCodec.standard()))) {
            Message reply = client.request(Destinations.SEARCH, Search.byName("6.txt"), Delivery.NON_PERSISTENT,
                    Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            assertThat(reply).isInstanceOf(SearchResult.class); // the indexer logged in with its changed password
        }
    }

    private Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName()));
        command.addAll(List.of(args));
        if (!command.contains("--data")) {
            command.addAll(List.of("--data", data.toString()));
        }
        if (!command.contains("--config-dir")) {
            command.addAll(List.of("--config-dir", CONFIG_DIR.toString()));
        }
        Process process = new ProcessBuilder(command).start();
        processes.add(process);
        return new Running(process, collect(process.getInputStream()), collect(process.getErrorStream()));
    }

    private static List<String> collect(InputStream stream) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "it-process-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private record Running(Process process, List<String> out, List<String> err) {
    }
}
