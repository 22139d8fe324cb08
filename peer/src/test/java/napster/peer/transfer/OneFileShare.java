package napster.peer.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import napster.peer.share.FileHasher;

/** A share folder holding one file of pseudo-random bytes, {@code song.mp3}, with what a test checks against. */
record OneFileShare(Path folder, Path file, byte[] content, String sha256) {
    static final int SIZE = 100_000;

    static OneFileShare in(Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("share"));
        Path file = TestFiles.random(folder.resolve("song.mp3"), SIZE, 1);
        return new OneFileShare(folder, file, Files.readAllBytes(file), FileHasher.sha256(file));
    }
}
