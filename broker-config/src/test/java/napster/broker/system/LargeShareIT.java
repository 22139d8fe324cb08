package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import napster.common.protocol.Ack;
import napster.peer.index.IndexClient;
import napster.peer.session.SharingSession;
import napster.peer.share.ShareCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100k-file share on disk registers in batches through the real broker and is fully searchable. */
class LargeShareIT {
    private static final int FILES = 100_000;
    private static final int PER_FOLDER = 1_000;

    @TempDir
    Path work;

    @Test
    void share_100kFiles_registersInBatchesAndEveryFileIsIndexed() throws Exception {
        Path share = work.resolve("share");
        long began = System.nanoTime();
        for (int folder = 0; folder < FILES / PER_FOLDER; folder++) {
            Path dir = Files.createDirectories(share.resolve(String.format("d%03d", folder)));
            for (int i = 0; i < PER_FOLDER; i++) {
                int n = folder * PER_FOLDER + i;
                Files.writeString(dir.resolve(String.format("file-%06d.dat", n)), "content " + n + "\n");
            }
        }
        System.out.printf("created %d files in %d ms%n", FILES, millisSince(began));

        try (NapsterSystem system = NapsterSystem.start(work)) {
            began = System.nanoTime();
            ShareCatalogue catalogue = ShareCatalogue.scan(List.of(share), work.resolve("hash-cache"));
            System.out.printf("scanned and hashed %d files in %d ms%n", catalogue.size(), millisSince(began));
            assertThat(catalogue.size()).isEqualTo(FILES);

            try (IndexClient client = IndexClient.connect(system.peerLogin(), "bulk", Duration.ofSeconds(60))) {
                began = System.nanoTime();
                Ack ack = client.register("bulk-peer-key-00000000001", "127.0.0.1", 1, catalogue.files());
                long millis = millisSince(began);
                System.out.printf("registered %d files in %d batches in %d ms (%.0f files/s, hashing excluded)%n",
                        FILES, FILES / IndexClient.BATCH_SIZE, millis, FILES * 1000.0 / Math.max(1, millis));
                assertThat(ack.files()).isEqualTo(FILES);
                client.unregister("bulk-peer-key-00000000001", Duration.ofSeconds(60));
            }
            assertThat(system.indexer().stats().files()).isZero();

            // The real share path: rescans with the hash cache, serves, registers in batches.
            began = System.nanoTime();
            SharingSession session = system.share(share, new ArrayList<>());
            System.out.printf("share restart (cached hashes, register) took %d ms%n", millisSince(began));
            assertThat(session.catalogue().size()).isEqualTo(FILES);
            assertThat(system.indexer().stats().files()).isEqualTo(FILES);

            CliRun last = CliRun.of(system.withBroker("search", "file-099999.dat", "--json"));
            assertThat(last.exitCode()).isZero();
            assertThat(last.out()).contains("\"name\":\"file-099999.dat\"");
            CliRun first = CliRun.of(system.withBroker("search", "file-000000.dat", "--json"));
            assertThat(first.out()).contains("\"name\":\"file-000000.dat\"");
        }
    }

    private static long millisSince(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
