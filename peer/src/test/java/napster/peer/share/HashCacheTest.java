package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCacheTest {
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA256_OF_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int TWO_CHUNKS_AND_A_BIT = 2 * ChunkHashes.DEFAULT_CHUNK_SIZE + 1_000;
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05.678Z"));

    @TempDir
    Path dir;

    @Test
    void sha256_ofAbc_matchesSha256sum() throws IOException {
        Path file = write("abc.txt", "abc");

        assertThat(new HashCache(dir.resolve("cache.tsv")).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void sha256_emptyFile_matchesSha256sum() throws IOException {
        Path file = write("empty", "");

        assertThat(new HashCache(dir.resolve("cache.tsv")).sha256(file, 0, LONG_AGO)).isEqualTo(SHA256_OF_EMPTY);
    }

    @Test
    void sha256_sizeAndMtimeUnchanged_returnsCachedHashWithoutRereading() throws IOException {
        HashCache cache = new HashCache(dir.resolve("cache.tsv"));
        Path file = write("abc.txt", "abc");
        cache.sha256(file, 3, LONG_AGO);

        rewriteKeepingSizeAndMtime(file, "xyz");

        assertThat(cache.sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void sha256_mtimeChanged_rehashes() throws IOException {
        HashCache cache = new HashCache(dir.resolve("cache.tsv"));
        Path file = write("abc.txt", "abc");
        cache.sha256(file, 3, LONG_AGO);
        Files.writeString(file, "xyz");
        FileTime later = FileTime.from(LONG_AGO.toInstant().plusSeconds(60));
        Files.setLastModifiedTime(file, later);

        assertThat(cache.sha256(file, 3, later)).isEqualTo(sha256Of("xyz"));
    }

    @Test
    void save_thenLoadInNewInstance_keepsHashesSoARestartDoesNotRehash() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache first = new HashCache(cacheFile);
        Path file = write("abc.txt", "abc");
        first.sha256(file, 3, LONG_AGO);
        first.save();

        rewriteKeepingSizeAndMtime(file, "xyz");

        assertThat(new HashCache(cacheFile).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void save_writesOneTabSeparatedLinePerFileWithPathLast() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache cache = new HashCache(cacheFile);
        Path file = write("abc.txt", "abc");
        cache.sha256(file, 3, LONG_AGO);
        cache.save();

        assertThat(Files.readAllLines(cacheFile)).containsExactly(
                "3\t" + LONG_AGO.toMillis() + "\t" + SHA256_OF_ABC + "\t" + file.toAbsolutePath());
        assertThat(leftoverTempFiles()).isEmpty();
    }

    @Test
    void save_pathWithTab_roundTrips() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache cache = new HashCache(cacheFile);
        Path file = write("a\tb.txt", "abc");
        cache.sha256(file, 3, LONG_AGO);
        cache.save();
        rewriteKeepingSizeAndMtime(file, "xyz");

        assertThat(new HashCache(cacheFile).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void save_pathWithNewline_isLeftOutInsteadOfBreakingTheFile() throws IOException {
        Path file = tryWrite("a\nb.txt", "abc");
        assumeThat(file).as("the filesystem accepts a newline in a name").isNotNull();
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache cache = new HashCache(cacheFile);
        cache.sha256(file, 3, LONG_AGO);
        cache.sha256(write("plain.txt", "abc"), 3, LONG_AGO);
        cache.save();

        assertThat(Files.readAllLines(cacheFile)).hasSize(1).allMatch(line -> line.endsWith("plain.txt"));
    }

    @Test
    void hashes_multiChunkFile_cachedAndSavedWithItsChunkHashesSoARestartDoesNotRehash() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache first = new HashCache(cacheFile);
        Path file = writeBytes("big.bin", TWO_CHUNKS_AND_A_BIT, 1);
        FileHashes computed = first.hashes(file, TWO_CHUNKS_AND_A_BIT, LONG_AGO);
        first.save();

        rewriteKeepingSizeAndMtime(file, TWO_CHUNKS_AND_A_BIT, 2);
        FileHashes loaded = new HashCache(cacheFile).hashes(file, TWO_CHUNKS_AND_A_BIT, LONG_AGO);

        assertThat(computed).isEqualTo(FileHasher.hash(dir.resolve("original.bin")));
        assertThat(loaded).isEqualTo(computed);
        assertThat(loaded.chunkHashes().count()).isEqualTo(3);
    }

    @Test
    void save_multiChunkFile_writesChunkSizeAndChunkHashesAfterTheFileHash() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache cache = new HashCache(cacheFile);
        Path file = writeBytes("big.bin", TWO_CHUNKS_AND_A_BIT, 1);
        FileHashes hashes = cache.hashes(file, TWO_CHUNKS_AND_A_BIT, LONG_AGO);
        cache.save();

        ChunkHashes chunks = hashes.chunkHashes();
        assertThat(Files.readAllLines(cacheFile)).containsExactly(TWO_CHUNKS_AND_A_BIT + "\t" + LONG_AGO.toMillis() + "\t"
                + hashes.sha256() + ":4194304:" + chunks.hex(0) + chunks.hex(1) + chunks.hex(2) + "\t" + file.toAbsolutePath());
    }

    @Test
    void hashes_smallFileFromTheCache_holdsNoChunkHashes() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache first = new HashCache(cacheFile);
        Path file = write("abc.txt", "abc");
        first.sha256(file, 3, LONG_AGO);
        first.save();

        FileHashes loaded = new HashCache(cacheFile).hashes(file, 3, LONG_AGO);

        assertThat(loaded.held()).isNull();
        assertThat(loaded.chunkHashes()).isEqualTo(ChunkHashes.single(3, SHA256_OF_ABC));
    }

    @Test
    void load_olderLineWithoutChunkHashesForAMultiChunkFile_countsAsNotCached() throws IOException {
        Path file = writeBytes("big.bin", TWO_CHUNKS_AND_A_BIT, 1);
        Path cacheFile = dir.resolve("cache.tsv");
        Files.write(cacheFile, List.of(TWO_CHUNKS_AND_A_BIT + "\t" + LONG_AGO.toMillis() + "\t" + SHA256_OF_ABC + "\t"
                + file.toAbsolutePath()));

        FileHashes hashes = new HashCache(cacheFile).hashes(file, TWO_CHUNKS_AND_A_BIT, LONG_AGO);

        assertThat(hashes).isEqualTo(FileHasher.hash(file));
    }

    @Test
    void load_garbledChunkHashes_countAsNotCached() throws IOException {
        Path file = writeBytes("big.bin", TWO_CHUNKS_AND_A_BIT, 1);
        FileHashes real = FileHasher.hash(file);
        String hex = HexFormat.of().formatHex(real.chunkHashes().bytes());
        String start = TWO_CHUNKS_AND_A_BIT + "\t" + LONG_AGO.toMillis() + "\t" + SHA256_OF_ABC;
        String end = "\t" + file.toAbsolutePath();
        Path cacheFile = dir.resolve("cache.tsv");
        for (String hashes : List.of(":4194304:" + hex.substring(64), ":4194304:" + hex.replace('a', 'x'),
                ":1048576:" + hex, ":4194304", ":4194304:", ":x:" + hex)) {
            Files.write(cacheFile, List.of(start + hashes + end));

            assertThat(new HashCache(cacheFile).hashes(file, TWO_CHUNKS_AND_A_BIT, LONG_AGO)).as(hashes).isEqualTo(real);
        }
    }

    @Test
    void load_corruptLines_areIgnored() throws IOException {
        Path file = write("abc.txt", "abc");
        Path cacheFile = dir.resolve("cache.tsv");
        String good = "3\t" + LONG_AGO.toMillis() + "\t" + SHA256_OF_ABC + "\t" + file.toAbsolutePath();
        Files.write(cacheFile, List.of("garbage", "x\ty\tz\tw", "-1\t0\t" + SHA256_OF_ABC + "\t/a",
                "3\t0\tNOTAHASH\t/b", "3\t0\t" + SHA256_OF_ABC + "\t", good, "\u0000\u0001\t\t\t"));
        Files.write(cacheFile, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, StandardOpenOption.APPEND);
        rewriteKeepingSizeAndMtime(file, "xyz");

        assertThat(new HashCache(cacheFile).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void load_missingFile_startsEmpty() throws IOException {
        Path file = write("abc.txt", "abc");

        assertThat(new HashCache(dir.resolve("no/such/cache.tsv")).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void load_cacheFileIsAFolder_startsEmpty() throws IOException {
        Path file = write("abc.txt", "abc");
        Files.createDirectory(dir.resolve("cache.tsv"));

        assertThat(new HashCache(dir.resolve("cache.tsv")).sha256(file, 3, LONG_AGO)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void sha256_fileModifiedJustNow_isNotCachedUntilItSettles() throws IOException {
        Path file = write("abc.txt", "abc");
        Clock justAfterTheWrite = Clock.fixed(LONG_AGO.toInstant().plusMillis(500), ZoneOffset.UTC);
        HashCache cache = new HashCache(dir.resolve("cache.tsv"), justAfterTheWrite);
        cache.sha256(file, 3, LONG_AGO);

        rewriteKeepingSizeAndMtime(file, "xyz");

        assertThat(cache.sha256(file, 3, LONG_AGO)).isEqualTo(sha256Of("xyz"));
    }

    @Test
    void forgetAllExcept_dropsFilesNoLongerShared() throws IOException {
        Path cacheFile = dir.resolve("cache.tsv");
        HashCache cache = new HashCache(cacheFile);
        Path kept = write("kept.txt", "abc");
        Path gone = write("gone.txt", "abc");
        cache.sha256(kept, 3, LONG_AGO);
        cache.sha256(gone, 3, LONG_AGO);

        cache.forgetAllExcept(List.of(kept));
        cache.save();

        assertThat(Files.readAllLines(cacheFile)).hasSize(1).allMatch(line -> line.endsWith("kept.txt"));
    }

    @Test
    void defaultLocation_sameRootSpelledDifferently_givesSameFile() throws IOException {
        Path root = Files.createDirectory(dir.resolve("music"));
        Path cacheDir = dir.resolve("cache");

        Path location = HashCache.defaultLocation(root, cacheDir);

        assertThat(HashCache.defaultLocation(dir.resolve("music/../music/."), cacheDir)).isEqualTo(location);
        assertThat(location.getParent()).isEqualTo(cacheDir);
        assertThat(location.getFileName().toString()).matches("hashes-[0-9a-f]{16}\\.tsv");
    }

    @Test
    void defaultLocation_differentRoots_giveDifferentFiles() throws IOException {
        Path cacheDir = dir.resolve("cache");

        assertThat(HashCache.defaultLocation(Files.createDirectory(dir.resolve("a")), cacheDir))
                .isNotEqualTo(HashCache.defaultLocation(Files.createDirectory(dir.resolve("b")), cacheDir));
    }

    private Path write(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    /* Also keeps a copy as original.bin, to hash independently after the file is rewritten. */
    private Path writeBytes(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.write(dir.resolve("original.bin"), bytes);
        Path file = Files.write(dir.resolve(name), bytes);
        Files.setLastModifiedTime(file, LONG_AGO);
        return file;
    }

    private static void rewriteKeepingSizeAndMtime(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        FileTime mtime = Files.getLastModifiedTime(file);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, mtime);
    }

    private Path tryWrite(String name, String text) {
        try {
            return write(name, text);
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /* Same size, same mtime, other bytes: only a reread could notice. */
    private static void rewriteKeepingSizeAndMtime(Path file, String text) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, mtime);
    }

    private List<Path> leftoverTempFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".tmp")).toList();
        }
    }

    private static String sha256Of(String text) {
        var digest = FileHasher.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return FileHasher.hex(digest);
    }
}
