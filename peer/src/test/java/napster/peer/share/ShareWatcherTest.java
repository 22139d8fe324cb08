package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import napster.common.protocol.SharedFile;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareWatcherTest {
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private final List<ShareDelta> deltas = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private ShareWatcher watcher;
    private Path root;

    private ShareWatcher watch(Duration rescan) throws Exception {
        ShareScanner scanner = ShareScanner.open(List.of(root), temp.resolve("cache"));
        watcher = ShareWatcher.start(scanner, new AtomicReference<>(scanner.scan()), Duration.ofMillis(200), rescan,
                deltas::add, log::add, "test");
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Stream<SharedFile> added() {
        return deltas.stream().flatMap(d -> d.added().stream());
    }

    private Stream<SharedFile> removed() {
        return deltas.stream().flatMap(d -> d.removed().stream());
    }

    private static String sha(String text) {
        var digest = FileHasher.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return FileHasher.hex(digest);
    }

    @Test
    void newFile_isAddedAndInTheCurrentCatalogue() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        write(root.resolve("old.txt"), "old");
        watch(Duration.ZERO);
        write(root.resolve("new.txt"), "fresh content");
        SharedFile expected = new SharedFile("new.txt", 13, sha("fresh content"));
        await().atMost(WITHIN).until(() -> added().anyMatch(expected::equals));
        assertThat(removed()).isEmpty();
        assertThat(watcher.current().find(expected.sha256())).isPresent();
    }

    @Test
    void fileGrownPastOneChunk_isServedWithItsChunkHashes() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        Path file = write(root.resolve("growing.bin"), "small");
        watch(Duration.ZERO);
        byte[] grown = new byte[ChunkHashes.DEFAULT_CHUNK_SIZE + 1];
        Files.write(file, grown);
        String sha256 = FileHasher.sha256(file);

        await().atMost(WITHIN).until(() -> watcher.current().find(sha256).isPresent());
        assertThat(watcher.current().find(sha256).orElseThrow().chunkHashes()).isEqualTo(FileHasher.hash(file).chunkHashes())
                .extracting(ChunkHashes::count).isEqualTo(2);
    }

    @Test
    void changedFile_removesOldHashAndAddsNewOne() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        Path file = write(root.resolve("notes.txt"), "version one");
        watch(Duration.ZERO);
        write(file, "version two, longer");
        await().atMost(WITHIN).until(() -> added().anyMatch(f -> f.sha256().equals(sha("version two, longer"))));
        assertThat(removed()).contains(new SharedFile("notes.txt", 11, sha("version one")));
        assertThat(watcher.current().find(sha("version one"))).isEmpty();
    }

    @Test
    void deletedFile_isRemovedAndNoLongerFound() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        Path file = write(root.resolve("bye.txt"), "bye");
        watch(Duration.ZERO);
        Files.delete(file);
        await().atMost(WITHIN).until(() -> removed().anyMatch(f -> f.name().equals("bye.txt")));
        assertThat(watcher.current().find(sha("bye"))).isEmpty();
    }

    @Test
    void renamedFile_isRemovedUnderOldNameAndAddedUnderNewWithSameHash() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        Path file = write(root.resolve("before.txt"), "same bytes");
        watch(Duration.ZERO);
        Files.move(file, root.resolve("after.txt"));
        await().atMost(WITHIN).until(() -> added().anyMatch(f -> f.name().equals("after.txt")));
        assertThat(removed()).contains(new SharedFile("before.txt", 10, sha("same bytes")));
        assertThat(added()).contains(new SharedFile("after.txt", 10, sha("same bytes")));
    }

    @Test
    void fileInNewSubfolder_isAdded() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        watch(Duration.ZERO);
        Path sub = Files.createDirectories(root.resolve("a"));
        write(sub.resolve("b").resolve("deep.txt"), "deep");
        await().atMost(WITHIN).until(() -> added().anyMatch(f -> f.name().equals("deep.txt")));
        // a later change deep down is seen too: the new folders are watched
        write(sub.resolve("b").resolve("deeper.txt"), "deeper");
        await().atMost(WITHIN).until(() -> added().anyMatch(f -> f.name().equals("deeper.txt")));
    }

    @Test
    void partialDownload_isNeverShared() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        watch(Duration.ZERO);
        write(root.resolve("movie.mkv" + ShareCatalogue.PARTIAL_SUFFIX), "half");
        write(root.resolve("movie.mkv" + ShareCatalogue.PARTIAL_SUFFIX + ".progress"), "{}");
        write(root.resolve("marker.txt"), "marker");
        await().atMost(WITHIN).until(() -> added().anyMatch(f -> f.name().equals("marker.txt")));
        watcher.rescanNow();
        assertThat(added()).noneMatch(f -> f.name().contains(ShareCatalogue.PARTIAL_SUFFIX));
    }

    @Test
    void rescanNow_picksUpChangesAndSendsNothingWhenNothingChanged() throws Exception {
        root = Files.createDirectories(temp.resolve("share"));
        write(root.resolve("x.txt"), "x");
        watch(Duration.ofSeconds(3600));
        watcher.rescanNow();
        assertThat(deltas).isEmpty();
        write(root.resolve("y.txt"), "y");
        watcher.rescanNow();
        assertThat(added()).contains(new SharedFile("y.txt", 1, sha("y")));
    }
}
