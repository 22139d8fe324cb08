package napster.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The transfer benchmark's own folder, made fresh inside the one the user named (or the system
 * temp folder) and deleted with everything in it on close, or when the JVM is stopped midway,
 * so a gigabyte of scratch never stays behind.
 */
final class TransferScratch implements AutoCloseable {
    private final Path dir;
    private final Thread onShutdown;

    private TransferScratch(Path dir) {
        this.dir = dir;
        this.onShutdown = new Thread(this::deleteQuietly, "transfer-bench-cleanup");
    }

    /** A new folder inside {@code parent} (created if missing); null means the system temp folder. */
    static TransferScratch create(Path parent) throws TransferFailure {
        Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(base);
            TransferScratch scratch = new TransferScratch(Files.createTempDirectory(base, "napster-transfer-"));
            Runtime.getRuntime().addShutdownHook(scratch.onShutdown);
            return scratch;
        } catch (IOException e) {
            throw TransferFailure.of("Cannot create a scratch folder in " + base.toAbsolutePath(), e);
        }
    }

    Path dir() {
        return dir;
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() throws TransferFailure {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            return; // the JVM is shutting down: the hook deletes the folder
        }
        try {
            delete(dir);
        } catch (IOException e) {
            throw TransferFailure.of("Cannot delete the scratch folder " + dir, e);
        }
    }

    /** Deletes {@code path} and, if it is a folder, everything in it; nothing there is fine. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void deleteQuietly() {
        try {
            delete(dir);
        } catch (IOException e) {
            // the JVM is going away; nothing better to do
        }
    }
}
