package napster.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a benchmark reports: a text table for people, or one JSON document ({@code --json}); plots where asked. */
final class OutputOptions {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Option(names = "--json", description = "Print one JSON document instead of a table (progress goes to stderr).")
    boolean json;

    @Option(names = "--plot", paramLabel = "DIR", description = "Also write PNG plots of the results into DIR.")
    Path plotDir;

    /** Prints {@code document} as JSON, or {@code table} as text. */
    void print(PrintWriter out, Object document, String table) throws Exception {
        out.println(json ? JSON.writeValueAsString(document) : table);
        out.flush();
    }

    /** A line about what is happening now: to stderr, so the JSON on stdout stays clean. */
    static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
