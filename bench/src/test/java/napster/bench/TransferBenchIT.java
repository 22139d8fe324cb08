package napster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Shape and sanity of {@code bench transfer} on small files, never its speed. */
class TransferBenchIT {
    private static final List<String> CASE_FIELDS = List.of("bestSeconds", "medianSeconds", "bestMBps", "medianMBps",
            "seconds");

    @TempDir
    Path dir;

    @Test
    void transfer_8MiBOneRunJson_printsEveryDocumentedFieldAndEmptiesTheScratchFolder() throws Exception {
        Result result = run("--size", "8388608", "--runs", "1", "--json", "--dir", dir.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertThat(names(document)).containsExactly("sizeBytes", "runs", "holders", "capBytesPerSecond", "hashingMBps",
                "raw", "single", "multi", "singleToRaw", "multiToRaw");
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(8_388_608L);
        assertThat(document.get("runs").asInt()).isEqualTo(1);
        assertThat(document.get("holders").asInt()).isEqualTo(3);
        assertThat(document.get("capBytesPerSecond").asLong()).isZero();
        assertPositiveFinite(document.get("hashingMBps"));
        for (String name : List.of("raw", "single", "multi")) {
            JsonNode times = document.get(name);
            assertThat(names(times)).as(name).containsExactlyElementsOf(CASE_FIELDS);
            CASE_FIELDS.stream().filter(field -> !field.equals("seconds")).forEach(field -> assertPositiveFinite(times.get(field)));
            assertThat(times.get("seconds")).as(name).hasSize(1);
            assertPositiveFinite(times.get("seconds").get(0));
        }
        for (String name : List.of("singleToRaw", "multiToRaw")) {
            assertThat(names(document.get(name))).as(name).containsExactly("best", "median");
            assertPositiveFinite(document.get(name).get("best"));
            assertPositiveFinite(document.get(name).get("median"));
        }
        assertThat(result.err()).contains("run 1/1 raw:", "run 1/1 single:", "run 1/1 multi:");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void transfer_oddSizeTwoRunsText_printsOneRowPerCaseAndOneLinePerRatio() {
        Result result = run("--size", "1048577", "--runs", "2", "--holders", "2", "--dir", dir.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().lines().map(line -> line.split(" +")[0]).toList())
                .containsExactly("transfer", "case", "raw", "single", "multi", "single/raw:", "multi/raw:");
        assertThat(result.err()).contains("run 2/2 multi:");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void transfer_sizeZero_exitsTwoWithOneSentence() {
        Result result = run("--size", "0", "--dir", dir.toString());

        assertThat(result.exit()).isEqualTo(2);
        // the line after it is picocli's default usage text, until BenchMain installs its own handler
        assertThat(result.err().lines().findFirst()).hasValue("--size must be at least 1 byte, not 0.");
        assertThat(result.out()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new TransferBench());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertPositiveFinite(JsonNode number) {
        assertThat(number.isNumber()).as("%s is a number", number).isTrue();
        assertThat(number.asDouble()).isPositive().isFinite();
    }

    private record Result(int exit, String out, String err) {
    }
}
