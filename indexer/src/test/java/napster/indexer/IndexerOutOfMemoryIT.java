package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError anywhere ends the real {@code ./napster indexer} process at once, with
 * one clear line, instead of leaving it up with dead threads: here it runs out of memory in the
 * broker connection's own thread, which catches everything (a client floods napster.register
 * with frames near the broker's limit into an indexer given a tiny heap).
 */
class IndexerOutOfMemoryIT {
    /** The repository's launcher: the module's folder is the working directory of the tests. */
    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("napster");
    private static final int FRAME_CHARS = 6 << 20;

    @Test
    void indexer_runsOutOfMemory_endsAtOnceWithOneLine() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "indexer", "--broker", broker.url())
                    .redirectErrorStream(true);
            builder.environment().put("NAPSTER_SKIP_BUILD", "1");
            builder.environment().put("NAPSTER_JAVA_OPTS", "-Xmx16m");
            Process indexer = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> read(indexer, output), "indexer-output");
            reader.setDaemon(true);
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> output.stream()
                        .anyMatch(line -> line.startsWith("Indexer ready")) || !indexer.isAlive());
                assertThat(indexer.isAlive()).as("started: %s", output).isTrue();

                flood(broker.url());

                assertThat(indexer.waitFor(60, TimeUnit.SECONDS)).as("the indexer ended; it printed %s", output)
                        .isTrue();
                await().atMost(Duration.ofSeconds(5)).until(() -> !reader.isAlive());
                assertThat(indexer.exitValue()).isNotZero();
                assertThat(output).anyMatch(line -> line.contains("java.lang.OutOfMemoryError"));
            } finally {
                indexer.destroyForcibly();
                indexer.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /* Frames of 6 Mi chars (12 MiB on the heap as a String) into napster.register, until the indexer is gone. */
    private static void flood(String url) throws Exception {
        try (Connection connection = new BrokerConnector(new ClientSettings(url, "peer", "peer")).connect("flood")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Destinations.REGISTER));
            String body = "{\"type\":\"register\",\"junk\":\"" + "x".repeat(FRAME_CHARS) + "\"}";
            for (int i = 0; i < 30; i++) {
                producer.send(session.createTextMessage(body), DeliveryMode.NON_PERSISTENT,
                        jakarta.jms.Message.DEFAULT_PRIORITY, 60_000);
            }
        }
    }

    private static void read(Process process, List<String> output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (java.io.IOException ignored) {
            // the process is gone: what it printed is kept
        }
    }
}
