package napster.indexer.service;

import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.FileHit;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Register;
import napster.indexer.MutableClock;
import napster.indexer.Searching;
import napster.indexer.index.FileIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An indexer that keeps its index in a folder and restarts: the files and peers are back; leases decide who stays. */
class IndexRestartTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void restart_bringsBackPeersAndFiles_heartbeatsKeepThem_andSilentPeersExpire() throws Exception {
        try (FileIndex index = FileIndex.open(folder)) {
            IndexService before = new IndexService(index, clock, 3, IndexListener.NONE);
            before.handle(new Register(key(1), "10.0.0.1", 4_001, List.of(file("a song.mp3", 1))), "alice");
            before.handle(new Register(key(2), "10.0.0.2", 4_002, List.of(file("b song.mp3", 2))), "bob");
        }

        clock.advance(Duration.ofMinutes(5));
        try (FileIndex index = FileIndex.open(folder)) {
            IndexService after = new IndexService(index, clock, 3, IndexListener.NONE);

            assertThat(after.stats()).isEqualTo(new IndexStats(2, 2, 2));
            assertThat(Searching.hits(after, "song", 10)).extracting(FileHit::name)
                    .containsExactly("a song.mp3", "b song.mp3");
            assertThat(after.handle(new Register(key(3), "10.0.0.3", 4_003, List.of()), "carol"))
                    .as("a new peer gets an id never given before").isEqualTo(new Ack(3, 0));

            clock.advance(Duration.ofSeconds(20));
            assertThat(after.handle(new Heartbeat(key(1), 10), "alice")).isEqualTo(new Ack(1, 1));
            clock.advance(Duration.ofSeconds(15)); // 35 s after the restart: three 10 s beats missed by peer 2 only
            after.expire();
            assertThat(after.peerByKey(key(2))).as("silent since the restart").isEmpty();
            assertThat(after.peerByKey(key(1))).isPresent();
            assertThat(Searching.hits(after, "song", 10)).extracting(FileHit::name).containsExactly("a song.mp3");
        }
    }
}
