package napster.peer.transfer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real file system that fills up: a tmpfs of a fixed size mounted on a folder for one test,
 * unmounted on close. Mounting needs root; where it is not permitted the test is skipped.
 */
final class SmallDisk implements AutoCloseable {
    final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: "2m") on {@code dir}, created if need be. */
    static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(failure == null, () -> "cannot mount a small tmpfs here (" + failure + ")");
        return new SmallDisk(dir);
    }

    /** Fills the disk up to the last byte with a file of its own. */
    void fill() throws IOException {
        try (FileChannel filler = FileChannel.open(dir.resolve("filler"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int block : new int[] {1 << 20, 4096, 1}) {
                ByteBuffer bytes = ByteBuffer.allocate(block);
                try {
                    while (true) {
                        filler.write(bytes.clear());
                    }
                } catch (IOException full) {
                    // no room for a block this big: go on with smaller ones
                }
            }
        }
    }

    long usableSpace() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", dir.toString());
        if (failure != null) {
            throw new IOException("cannot unmount " + dir + ": " + failure);
        }
    }

    /* Runs a command; null if it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command[0] + " did not finish within 30 s";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? null : command[0] + " exited with " + process.exitValue() + ": " + output;
    }
}
