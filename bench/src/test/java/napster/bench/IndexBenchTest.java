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
    void index_smallLibraryAsJson_reportsBuildAndSearchTimes() throws Exception {
        int exit = run("index", "--files", "3000", "--peers", "7", "--searches", "200", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("files").asLong()).isEqualTo(3_000);
        assertThat(report.get("peers").asInt()).isEqualTo(7);
        assertThat(report.get("searches").asInt()).isEqualTo(200);
        assertThat(report.get("limit").asInt()).isEqualTo(100);
        assertThat(report.get("hitsPerSearch").asDouble()).as("every query is a word of some file").isGreaterThan(1);
        assertThat(report.get("p50Micros").asDouble()).isPositive()
                .isLessThanOrEqualTo(report.get("p99Micros").asDouble());
        assertThat(report.get("searchesPerSecond").asDouble()).isPositive();
    }

    @Test
    void index_morePeersThanFiles_isBadUsage() {
        assertThat(run("index", "--files", "3", "--peers", "4")).isEqualTo(2);
        assertThat(err.toString()).contains("no more peers than files");
    }
}
