package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import napster.common.protocol.Search;
import napster.indexer.IndexerSettings;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequential searches through the real broker and indexer over loopback, as a peer makes
 * them; prints the round-trip percentiles (a measurement, not a timing assertion).
 */
@Tag("speed")
class SearchRoundTripIT {
    private static final int FILES = 100_000;
    private static final int WARMUP = 1_000;
    private static final int MEASURED = 3_000;

    @TempDir
    Path work;

    @Test
    void search_exactNameIn100kFiles_everyRoundTripFindsTheFile() throws Exception {
        try (NapsterSystem system = NapsterSystem.start(work, IndexerSettings.defaults().withSearchRate(0));
             IndexClient client = IndexClient.connect(system.peerLogin(), "bench", Duration.ofSeconds(30))) {
            List<SharedFile> files = new ArrayList<>(FILES);
            for (int i = 0; i < FILES; i++) {
                files.add(new SharedFile(name(i), i, WalkthroughIT.sha256(("content " + i).getBytes(StandardCharsets.UTF_8))));
            }
            client.register("bench-peer-key-0000000001", "127.0.0.1", 25000, files);

            Random random = new Random(42);
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                int n = random.nextInt(FILES);
                long began = System.nanoTime();
                SearchResult result = client.search(Search.byName(name(n)));
                long took = System.nanoTime() - began;
                assertThat(result.results()).isNotEmpty();
                assertThat(result.results().get(0).name()).isEqualTo(name(n));
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = took;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("search round trip over %d indexed files, %d sequential searches: "
                            + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", FILES, MEASURED,
                    nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 9 / 10] / 1e6, nanos[MEASURED * 99 / 100] / 1e6);
        }
    }

    private static String name(int i) {
        return String.format("file-%06d.dat", i);
    }
}
