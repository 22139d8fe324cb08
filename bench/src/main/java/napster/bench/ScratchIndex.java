package napster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import napster.indexer.index.FileIndex;

/**
 * An index kept in a fresh temporary folder, as {@code ./napster up} keeps one in its data
 * folder (mapped from disk, not held in the heap), deleted with the folder on close.
 */
final class ScratchIndex implements AutoCloseable {
    private final Path folder;
    private final FileIndex index;

    private ScratchIndex(Path folder, FileIndex index) {
        this.folder = folder;
        this.index = index;
    }

    static ScratchIndex create() throws IOException {
        Path folder = Files.createTempDirectory("napster-index-bench-");
        return new ScratchIndex(folder, FileIndex.open(folder.resolve("index")));
    }

    FileIndex index() {
        return index;
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            BenchSystem.deleteTree(folder);
        }
    }
}
