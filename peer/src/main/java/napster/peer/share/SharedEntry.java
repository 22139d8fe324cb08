package napster.peer.share;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import napster.common.protocol.Fields;
import napster.common.protocol.SharedFile;

/**
 * One shared file as this peer knows it: where it lies on disk (its real path), the name it
 * is announced under, and the size and mtime its hash was computed for.
 */
public record SharedEntry(Path path, String name, long size, FileTime mtime, String sha256) {
    public SharedEntry {
        Objects.requireNonNull(path, "path is required");
        Fields.fileName("name", name);
        Fields.nonNegative("size", size);
        Objects.requireNonNull(mtime, "mtime is required");
        Fields.sha256("sha256", sha256);
    }

    public SharedFile toSharedFile() {
        return new SharedFile(name, size, sha256);
    }
}
