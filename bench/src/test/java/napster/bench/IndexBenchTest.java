package napster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IndexBenchTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void index_smallLibraryAsJson_reportsBuildVisibilityAndEveryKindOfRequest() throws Exception {
        int exit = run("index", "--files", "3000", "--peers", "7", "--searches", "200", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("files").asLong()).isEqualTo(3_000);
        assertThat(report.get("peers").asInt()).isEqualTo(7);
        assertThat(report.get("searches").asInt()).isEqualTo(200);
        assertThat(report.get("limit").asInt()).isEqualTo(100);
        assertThat(report.get("filesPerSecond").asDouble()).isPositive();
        assertThat(report.get("visibleP50Millis").asDouble()).isPositive()
                .isLessThanOrEqualTo(report.get("visibleMaxMillis").asDouble());
        JsonNode kinds = report.get("kinds");
        assertThat(kinds).extracting(kind -> kind.get("kind").asText()).containsExactly("one word", "two words",
                "word + 3-letter prefix", "word + extension + 4 MB range", "SHA-256", "browse a peer, 100 files");
        for (JsonNode kind : kinds) {
            assertThat(kind.get("resultsPerRequest").asDouble()).as("every request is made from an indexed file: %s",
                    kind).isGreaterThanOrEqualTo(1);
            assertThat(kind.get("p50Micros").asDouble()).isPositive()
                    .isLessThanOrEqualTo(kind.get("p99Micros").asDouble());
        }
    }

    @Test
    void index_morePeersThanFiles_isBadUsage() {
        assertThat(run("index", "--files", "3", "--peers", "4")).isEqualTo(2);
        assertThat(err.toString()).contains("no more peers than files");
    }
}
