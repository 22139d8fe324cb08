package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedEntryTest {
    private static final FileTime MTIME = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    @TempDir
    Path dir;
    Path file;
    SharedEntry entry;

    @BeforeEach
    void hashOneFile() throws IOException {
        file = write(dir.resolve("song.mp3"), "abc");
        entry = new SharedEntry(file, "song.mp3", lstat(file), FileHasher.hash(file));
    }

    @Test
    void isStill_theSameFileUntouched_isTrue() throws IOException {
        assertThat(entry.isStill(lstat(file))).isTrue();
    }

    @Test
    void isStill_anotherFileOfTheSameSizeAndMtime_isFalse() throws IOException {
        Path other = write(dir.resolve("other.mp3"), "xyz");

        assertThat(entry.isStill(lstat(other))).isFalse();
    }

    @Test
    void isStill_aSymlinkToTheFile_isFalse() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.mp3"), file);

        assertThat(entry.isStill(lstat(link))).isFalse();
    }

    @Test
    void isStill_sameFileWithAnotherSizeOrMtime_isFalse() throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(MTIME.toInstant().plusMillis(1)));
        assertThat(entry.isStill(lstat(file))).isFalse();

        write(file, "abcd");
        assertThat(entry.isStill(lstat(file))).isFalse();
    }

    /* Where the file system has no file keys, size and mtime are all there is to go by. */
    @Test
    void isStill_withoutAFileKey_comparesSizeAndMtimeOnly() throws IOException {
        SharedEntry keyless = new SharedEntry(file, "song.mp3", 3, MTIME, entry.sha256());
        Path other = write(dir.resolve("other.mp3"), "xyz");

        assertThat(keyless.fileKey()).isNull();
        assertThat(keyless.isStill(lstat(other))).isTrue();
        assertThat(keyless.isStill(lstat(dir))).isFalse();
    }

    private static BasicFileAttributes lstat(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static Path write(Path path, String text) throws IOException {
        Files.write(path, text.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(path, MTIME);
        return path;
    }
}
