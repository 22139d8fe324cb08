package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.peer.RandomFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Not a pass/fail benchmark: prints what a large download achieves over loopback, hashing included. */
@Tag("speed")
class LoopbackThroughputIT {
    private static final long SIZE = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void download_256MiB_overLoopback_printsThroughput() throws Exception {
        Path share = Files.createDirectory(dir.resolve("share"));
        Path big = RandomFiles.write(share.resolve("big.bin"), SIZE);

        long scanStart = System.nanoTime();
        try (TestPeer peer = TestPeer.serving(share)) {
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
            Holder holder = peer.holder(1, "big.bin");
            var entry = peer.catalogue.entries().get(0);
            FileHit hit = new FileHit("big.bin", entry.size(), entry.sha256(), List.of(holder));

            DownloadResult result = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(30))
                    .download(hit, hit.peers(), dir.resolve("downloads"), System.out::println);

            double seconds = result.elapsed().toNanos() / 1e9;
            System.out.printf("[throughput] scan+hash of 256 MiB: %.2f s (%.0f MB/s); download over loopback: %.2f s, %.0f MB/s "
                            + "(SHA-256 check, write and fsync included)%n",
                    scanSeconds, SIZE / 1e6 / scanSeconds, seconds, SIZE / 1e6 / seconds);
            assertThat(Files.mismatch(big, result.path())).isEqualTo(-1L);
        }
    }
}
