package napster.peer.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Files with reproducible pseudo-random content. */
final class TestFiles {
    private TestFiles() {
    }

    static Path random(Path file, int size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes(size, seed));
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
