package napster.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** Test data: large files of reproducible random bytes, written a MiB at a time. */
public final class RandomFiles {
    private RandomFiles() {
    }

    /** Writes a new file of {@code size} bytes (rounded up to whole MiB) and returns it. */
    public static Path write(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; written += buffer.capacity()) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    buffer.putLong(random.nextLong());
                }
                out.write(buffer.flip());
            }
        }
        return file;
    }
}
