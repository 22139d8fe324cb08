package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import napster.peer.RandomFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Not a pass/fail benchmark: prints how fast a large file hashes (from the page cache, best of three). */
@Tag("speed")
class HashingThroughputIT {
    private static final long SIZE = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void hash_256MiB_printsThroughput() throws IOException {
        Path big = RandomFiles.write(dir.resolve("big.bin"), SIZE);
        String sha256 = FileHasher.sha256(big); // warms the page cache and the JIT
        assertThat(FileHasher.hash(big).sha256()).isEqualTo(sha256);

        double fileOnly = bestSeconds(() -> assertThat(FileHasher.sha256(big)).isEqualTo(sha256));
        double withChunks = bestSeconds(() -> assertThat(FileHasher.hash(big).chunkHashes().count()).isEqualTo(64));
        System.out.printf("[hashing] 256 MiB: file SHA-256 only %.0f MB/s; file and 4 MiB chunk hashes in one pass %.0f MB/s%n",
                SIZE / 1e6 / fileOnly, SIZE / 1e6 / withChunks);
    }

    private interface Run {
        void run() throws IOException;
    }

    private static double bestSeconds(Run run) throws IOException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
