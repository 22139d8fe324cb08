package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import napster.common.protocol.SharedFile;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareCatalogueTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    @TempDir
    Path dir;
    Path root;
    Path outside;
    Path cacheDir;

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectory(dir.resolve("share"));
        outside = Files.createDirectory(dir.resolve("outside"));
        cacheDir = dir.resolve("cache");
    }

    @Test
    void scan_nestedFolders_sharesEveryFileWithItsSha256() throws IOException {
        write(root.resolve("6.txt"), "abc");
        write(Files.createDirectories(root.resolve("a/b")).resolve("deep.bin"), "hello");

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.files()).containsExactlyInAnyOrder(
                new SharedFile("6.txt", 3, sha256("abc")),
                new SharedFile("deep.bin", 5, sha256("hello")));
        assertThat(catalogue.size()).isEqualTo(2);
        assertThat(catalogue.totalBytes()).isEqualTo(8);
        assertThat(catalogue.roots()).containsExactly(root.toRealPath());
        assertThat(catalogue.skipped()).isEmpty();
        assertThat(catalogue.find(sha256("hello")).orElseThrow().path()).isEqualTo(root.toRealPath().resolve("a/b/deep.bin"));
    }

    @Test
    void scan_symlinkLeavingTheRoot_isSkippedWithAReason() throws IOException {
        Path secret = write(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("escape.txt"), secret);
        Files.createSymbolicLink(root.resolve("escape-dir"), outside);

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.entries()).isEmpty();
        assertThat(catalogue.find(sha256("secret"))).isEmpty();
        assertThat(catalogue.skipped()).hasSize(2)
                .allMatch(line -> line.endsWith(": symlink leads outside the shared folder."));
    }

    @Test
    void scan_symlinkInsideTheRoot_isSharedUnderTheLinkName() throws IOException {
        Path real = write(Files.createDirectory(root.resolve("sub")).resolve("real.txt"), "abc");
        Files.createSymbolicLink(root.resolve("alias.txt"), real);
        Files.createSymbolicLink(root.resolve("sub-again"), root.resolve("sub"));

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.entries()).extracting(SharedEntry::name).containsExactlyInAnyOrder("real.txt", "alias.txt");
        assertThat(catalogue.entries()).extracting(SharedEntry::path).containsOnly(real.toRealPath());
        assertThat(catalogue.skipped()).isEmpty();
    }

    @Test
    void scan_rootGivenThroughASymlink_sharesItsFiles() throws IOException {
        write(root.resolve("6.txt"), "abc");
        Path link = Files.createSymbolicLink(dir.resolve("link-to-share"), root);

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(link), cacheDir);

        assertThat(catalogue.files()).containsExactly(new SharedFile("6.txt", 3, sha256("abc")));
    }

    @Test
    void scan_brokenSymlink_isSkippedWithAReason() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nothing-here"));

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.entries()).isEmpty();
        assertThat(catalogue.skipped()).singleElement().asString().endsWith(": broken symlink.");
    }

    @Test
    void scan_partialDownloadsAndTheirProgressRecords_areNotShared() throws IOException {
        write(root.resolve("movie.mkv.napster-part"), "half a movie");
        write(root.resolve("movie.mkv.napster-part.progress"), "{}");
        write(root.resolve("movie.mkv.napster-part.progress.tmp"), "{");
        write(root.resolve("done.txt"), "abc");

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.files()).extracting(SharedFile::name).containsExactly("done.txt");
        assertThat(catalogue.skipped()).isEmpty();
    }

    @Test
    void scan_missingRoot_failsWithOneSentence() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> ShareCatalogue.scan(List.of(missing), cacheDir))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot share " + missing + ": no such directory.");
    }

    @Test
    void scan_rootIsAFile_failsWithOneSentence() throws IOException {
        Path file = write(dir.resolve("file.txt"), "abc");

        assertThatThrownBy(() -> ShareCatalogue.scan(List.of(file), cacheDir))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot share " + file + ": not a directory.");
    }

    @Test
    void scan_noRoots_isRefused() {
        assertThatThrownBy(() -> ShareCatalogue.scan(List.of(), cacheDir))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scan_nameWithControlCharacter_isSkippedWithAReason() throws IOException {
        Path odd = tryWrite(root, "bell\u0007.txt", "abc");
        assumeThat(odd).as("the filesystem accepts a control character in a name").isNotNull();
        write(root.resolve("fine.txt"), "abc");

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.files()).extracting(SharedFile::name).containsExactly("fine.txt");
        assertThat(catalogue.skipped()).singleElement().asString()
                .contains("the name cannot be shared (name must not contain control characters)");
    }

    @Test
    void scan_unreadableFolder_isSkippedWithAReason() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
        Path locked = Files.createDirectory(root.resolve("locked"));
        write(locked.resolve("hidden.txt"), "abc");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

            assertThat(catalogue.entries()).isEmpty();
            assertThat(catalogue.skipped()).singleElement().asString().contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void scan_sameContentTwice_listsBothAndFindsOne() throws IOException {
        write(root.resolve("a.txt"), "same");
        write(root.resolve("b.txt"), "same");

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.entries()).hasSize(2);
        assertThat(catalogue.find(sha256("same"))).get().extracting(SharedEntry::name).isIn("a.txt", "b.txt");
    }

    @Test
    void find_unknownOrNullHash_isEmpty() throws IOException {
        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.find(sha256("nothing"))).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void scan_again_usesTheHashCacheInsteadOfRereading() throws IOException {
        Path file = write(root.resolve("6.txt"), "abc");
        ShareCatalogue.scan(List.of(root), cacheDir);
        Files.writeString(file, "xyz");
        Files.setLastModifiedTime(file, LONG_AGO);

        ShareCatalogue again = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(again.files()).containsExactly(new SharedFile("6.txt", 3, sha256("abc")));
        assertThat(HashCache.defaultLocation(root, cacheDir)).isRegularFile();
    }

    @Test
    void scan_everyEntry_givesItsChunkHashes() throws IOException {
        write(root.resolve("small.txt"), "abc");
        Path big = writeRandom(root.resolve("big.bin"), 2 * ChunkHashes.DEFAULT_CHUNK_SIZE + 5, 1);

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(catalogue.find(sha256("abc")).orElseThrow().chunkHashes()).isEqualTo(ChunkHashes.single(3, sha256("abc")));
        assertThat(catalogue.find(FileHasher.sha256(big)).orElseThrow().chunkHashes())
                .isEqualTo(FileHasher.hash(big).chunkHashes())
                .extracting(ChunkHashes::count).isEqualTo(3);
    }

    @Test
    void scan_again_takesChunkHashesFromTheHashCache() throws IOException {
        int size = 2 * ChunkHashes.DEFAULT_CHUNK_SIZE + 5;
        Path big = writeRandom(root.resolve("big.bin"), size, 1);
        ChunkHashes first = ShareCatalogue.scan(List.of(root), cacheDir).entries().get(0).chunkHashes();
        writeRandom(big, size, 2);

        ShareCatalogue again = ShareCatalogue.scan(List.of(root), cacheDir);

        assertThat(again.entries().get(0).chunkHashes()).isEqualTo(first);
    }

    @Test
    void scan_everyEntry_recordsTheIdentityOfTheFileItHashed() throws IOException {
        Path real = write(root.resolve("real.txt"), "abc");
        Files.createSymbolicLink(root.resolve("alias.txt"), real);

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root), cacheDir);

        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertThat(attrs.fileKey()).as("this file system has file keys").isNotNull();
        assertThat(catalogue.entries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.fileKey()).isEqualTo(attrs.fileKey());
            assertThat(entry.isStill(attrs)).isTrue();
        });
    }

    @Test
    void scan_again_afterTheFileWasReplacedByACopy_recordsTheCopyWithTheCachedHash() throws IOException {
        Path file = write(root.resolve("6.txt"), "abc");
        SharedEntry before = ShareCatalogue.scan(List.of(root), cacheDir).entries().get(0);
        Path copy = write(outside.resolve("6.txt"), "abc");
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);

        SharedEntry after = ShareCatalogue.scan(List.of(root), cacheDir).entries().get(0);

        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertThat(before.isStill(now)).isFalse();
        assertThat(after.isStill(now)).isTrue();
        assertThat(after.sha256()).isEqualTo(sha256("abc"));
    }

    @Test
    void scan_cacheFolderInsideTheRoot_isNotShared() throws IOException {
        write(root.resolve("6.txt"), "abc");
        Path innerCache = root.resolve(".napster");

        ShareCatalogue.scan(List.of(root), innerCache);
        ShareCatalogue again = ShareCatalogue.scan(List.of(root), innerCache);

        assertThat(again.files()).extracting(SharedFile::name).containsExactly("6.txt");
    }

    @Test
    void scan_twoRoots_sharesBoth() throws IOException {
        write(root.resolve("one.txt"), "1");
        write(outside.resolve("two.txt"), "2");

        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(root, outside, root), cacheDir);

        assertThat(catalogue.roots()).hasSize(2);
        assertThat(catalogue.files()).extracting(SharedFile::name).containsExactlyInAnyOrder("one.txt", "two.txt");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    private static Path writeRandom(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    private static Path tryWrite(Path folder, String name, String text) {
        try {
            return write(folder.resolve(name), text);
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        var digest = FileHasher.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return FileHasher.hex(digest);
    }
}
