package napster.peer.share;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import napster.common.protocol.Fields;
import napster.common.protocol.SharedFile;
import napster.common.transfer.ChunkHashes;

/**
 * One shared file as this peer knows it: where it lies on disk (its real path), the name it
 * is announced under, and the identity, size and mtime its hashes were computed for. Chunk
 * hashes are held only for a file of more than one chunk (see {@link FileHashes}).
 * <p>{@code fileKey} is {@link BasicFileAttributes#fileKey()} (device and inode on Linux): it
 * tells the hashed file from another one put in its place with the same size and mtime. It is
 * null where the file system has no such key; then size and mtime are all {@link #isStill} checks.
 */
public record SharedEntry(Path path, String name, long size, FileTime mtime, Object fileKey, String sha256,
                          ChunkHashes chunkHashes) {
    /** {@code chunkHashes} may be null for a file of at most one chunk and is required for a larger one. */
    public SharedEntry {
        Objects.requireNonNull(path, "path is required");
        Fields.fileName("name", name);
        Fields.nonNegative("size", size);
        Objects.requireNonNull(mtime, "mtime is required");
        Fields.sha256("sha256", sha256);
        chunkHashes = FileHashes.multiChunk(size, sha256, chunkHashes);
    }

    /** Without a file key: only size and mtime tell whether the file changed. */
    public SharedEntry(Path path, String name, long size, FileTime mtime, String sha256, ChunkHashes chunkHashes) {
        this(path, name, size, mtime, null, sha256, chunkHashes);
    }

    /** A file of at most one chunk, without a file key. */
    public SharedEntry(Path path, String name, long size, FileTime mtime, String sha256) {
        this(path, name, size, mtime, null, sha256, null);
    }

    /** Without a file key: only size and mtime tell whether the file changed. */
    public SharedEntry(Path path, String name, FileTime mtime, FileHashes hashes) {
        this(path, name, hashes.size(), mtime, null, hashes.sha256(), hashes.held());
    }

    /** The file as {@code attrs} (read before hashing, without following links) describe it. */
    public SharedEntry(Path path, String name, BasicFileAttributes attrs, FileHashes hashes) {
        this(path, name, hashes.size(), attrs.lastModifiedTime(), attrs.fileKey(), hashes.sha256(), hashes.held());
    }

    /**
     * Whether {@code attrs} (read without following links) still describe the file that was
     * hashed: a regular file, the same one, of the same size and mtime. (The mtime is compared in
     * milliseconds, the precision the hash cache keys on.)
     */
    public boolean isStill(BasicFileAttributes attrs) {
        return attrs.isRegularFile()
                && (fileKey == null || fileKey.equals(attrs.fileKey()))
                && attrs.size() == size
                && attrs.lastModifiedTime().toMillis() == mtime.toMillis();
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
