package napster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A short run of each benchmark against the real broker and indexer: the documented fields are
 * there and the numbers are sane (positive, finite, consistent). Never a speed check: the
 * benchmarks themselves report speed.
 */
class BenchSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void searchJson_tinyRun_printsEveryLevelWithSaneStatsAndWritesThePlots() throws Exception {
        int exit = run("search", "--json", "--files", "2000", "--peers", "20", "--clients", "1,2", "--seconds", "0.5",
                "--warmup", "0.2", "--plot", work.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("files").asLong()).isEqualTo(2000);
        assertThat(report.get("peers").asInt()).isEqualTo(20);
        assertThat(report.get("requestBytes").asInt()).isPositive();
        assertThat(report.get("replyBytes").asInt()).isGreaterThan(report.get("requestBytes").asInt());
        assertThat(report.get("registerFilesPerSecond").asDouble()).isPositive();
        assertThat(report.get("levels")).hasSize(2);
        int clients = 1;
        for (JsonNode level : report.get("levels")) {
            assertThat(level.get("clients").asInt()).isEqualTo(clients);
            clients *= 2;
            for (String kind : new String[] {"search", "echo"}) {
                JsonNode stats = level.get(kind);
                assertThat(stats.get("count").asLong()).as(kind).isPositive();
                assertThat(stats.get("throughput").asDouble()).as(kind).isPositive();
                assertThat(stats.get("p50Millis").asDouble()).as(kind).isPositive()
                        .isLessThanOrEqualTo(stats.get("p99Millis").asDouble());
                assertThat(stats.get("p99Millis").asDouble()).isLessThanOrEqualTo(stats.get("p999Millis").asDouble());
                assertThat(stats.get("meanMillis").asDouble()).isPositive();
                assertThat(stats.get("cpuMicros").asDouble()).as(kind).isPositive().isFinite();
            }
            assertThat(level.get("p50Ratio").asDouble()).isPositive().isFinite();
            assertThat(level.get("throughputRatio").asDouble()).isPositive().isFinite();
            assertThat(level.get("cpuRatio").asDouble()).isPositive().isFinite();
        }
        // then every kind of request, each of which must find something (else the run fails)
        assertThat(report.get("kinds")).extracting(kind -> kind.get("kind").asText()).containsExactly("one word",
                "two words", "word + 3-letter prefix", "word + extension + 4 MB range", "SHA-256",
                "browse a peer, 100 files");
        for (JsonNode kind : report.get("kinds")) {
            assertThat(kind.get("clients").asInt()).isEqualTo(16);
            assertThat(kind.get("stats").get("count").asLong()).as(kind.get("kind").asText()).isPositive();
        }
        assertThat(Files.size(work.resolve(SearchPlots.LATENCY_FILE))).isPositive();
        assertThat(Files.size(work.resolve(SearchPlots.THROUGHPUT_FILE))).isPositive();
        assertThat(err.toString()).contains("Registering 2000 files of 20 peers");
    }

    @Test
    void searchText_printsTheTable() {
        int exit = run("search", "--files", "500", "--peers", "5", "--clients", "1", "--seconds", "0.3", "--warmup", "0");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("clients |  search/s").containsPattern("\n\\s+1 \\|\\s+\\d+");
    }

    @Test
    void registerJson_tinyRun_printsFilesPerSecondAndHashingSpeed() throws Exception {
        int exit = run("register", "--json", "--files", "3000", "--runs", "2", "--hash-bytes", "5000000");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("files").asInt()).isEqualTo(3000);
        assertThat(report.get("registerSeconds")).hasSize(2);
        assertThat(report.get("bestFilesPerSecond").asDouble()).isPositive()
                .isGreaterThanOrEqualTo(report.get("medianFilesPerSecond").asDouble());
        assertThat(report.get("hashBytes").asLong()).isEqualTo(5_000_000);
        assertThat(report.get("hashMBps").asDouble()).isPositive().isFinite();
    }

    @Test
    void memoryJson_tinyRun_printsBytesPerFile() throws Exception {
        int exit = run("memory", "--json", "--files", "20000", "--peers", "10");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("files").asLong()).isEqualTo(20000);
        assertThat(report.get("bytesPerFile").asDouble()).isPositive().isFinite();
        assertThat(report.get("indexBytes").asLong()).isEqualTo(
                report.get("heapAfterBytes").asLong() - report.get("heapBeforeBytes").asLong());
    }

    @Test
    void badUsage_isOneSentenceAndExit2() {
        assertThat(run("search", "--clients", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--clients must list numbers from 1 to 1024.");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void unreachableBroker_isOneSentenceAndExit1() {
        assertThat(run("register", "--broker", "tcp://127.0.0.1:1", "--files", "10", "--runs", "1")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("The benchmark failed: Cannot reach the broker at tcp://127.0.0.1:1")
                .doesNotContain("Exception");
    }
}
