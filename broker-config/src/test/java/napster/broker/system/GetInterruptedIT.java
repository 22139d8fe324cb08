package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a running {@code get} says what was kept and how to resume, and keeps it. */
class GetInterruptedIT {
    private static final int SIZE = 24 << 20;
    private static final long CAP = 2 << 20;

    @TempDir
    Path work;

    @Test
    void get_ctrlCHalfWay_saysHowToResumeAndKeepsThePartialFile() throws Exception {
        Path share = Files.createDirectories(work.resolve("share"));
        byte[] bytes = new byte[SIZE];
        new Random(7).nextBytes(bytes);
        Files.write(share.resolve("big.bin"), bytes);
        Path downloads = work.resolve("downloads");
        Path record = downloads.resolve("big.bin.napster-part.progress");
        try (NapsterSystem system = NapsterSystem.start(work)) {
            system.share(share, new ArrayList<>(), settings -> settings.withMaxUploadRate(CAP));
            try (NapsterProcess get = NapsterProcess.start(work, "get", "big.bin", "--to", downloads.toString(),
                    "--broker", system.brokerUrl())) {
                // the first 4 MiB chunk arrived checked (2 s at the holder's cap) and is on record
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(record));

                get.interrupt();

                assertThat(get.awaitExit(Duration.ofSeconds(30))).isNotZero();
                List<String> lines = get.output().lines().toList();
                assertThat(lines).anyMatch(line -> line.matches("Stopped\\. \\d+ of 6 chunks \\(.+\\) are kept in .*"
                        + "big\\.bin\\.napster-part; run the same get again to resume\\."));
            }
        }
        assertThat(downloads.resolve("big.bin.napster-part")).exists();
        assertThat(record).exists();
        assertThat(downloads.resolve("big.bin")).doesNotExist();
    }
}
