package napster.peer.share;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import napster.common.protocol.Fields;
import napster.common.protocol.SharedFile;
import napster.common.transfer.ChunkHashes;

/**
 * One shared file as this peer knows it: where it lies on disk (its real path), the name it
 * is announced under, and the size and mtime its hashes were computed for. Chunk hashes are
 * held only for a file of more than one chunk (see {@link FileHashes}).
 */
public record SharedEntry(Path path, String name, long size, FileTime mtime, String sha256, ChunkHashes chunkHashes) {
    /** {@code chunkHashes} may be null for a file of at most one chunk and is required for a larger one. */
    public SharedEntry {
        Objects.requireNonNull(path, "path is required");
        Fields.fileName("name", name);
        Fields.nonNegative("size", size);
        Objects.requireNonNull(mtime, "mtime is required");
        Fields.sha256("sha256", sha256);
        chunkHashes = FileHashes.multiChunk(size, sha256, chunkHashes);
    }

    /** A file of at most one chunk. */
    public SharedEntry(Path path, String name, long size, FileTime mtime, String sha256) {
        this(path, name, size, mtime, sha256, null);
    }

    public SharedEntry(Path path, String name, FileTime mtime, FileHashes hashes) {
        this(path, name, hashes.size(), mtime, hashes.sha256(), hashes.held());
    }

    /** The chunk hashes; for a file of at most one chunk, made now from the file hash. */
    @Override
    public ChunkHashes chunkHashes() {
        return chunkHashes != null ? chunkHashes : ChunkHashes.single(size, sha256);
    }

    public SharedFile toSharedFile() {
        return new SharedFile(name, size, sha256);
    }
}
