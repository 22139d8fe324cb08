package napster.peer.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import napster.common.protocol.SharedFile;

/**
 * What this peer shares: every readable file under the share roots with its SHA-256, looked
 * up by hash when another peer asks for content. Immutable once scanned, so reads are
 * thread-safe; scan again to pick up changes.
 */
public final class ShareCatalogue {
    /** Suffix of a download in progress; such files are never shared. */
    public static final String PARTIAL_SUFFIX = ".napster-part";

    /** A download's scratch file: the partial file itself, its progress record, a record being written. */
    public static boolean isDownloadScratch(String fileName) {
        return fileName.endsWith(PARTIAL_SUFFIX) || fileName.contains(PARTIAL_SUFFIX + ".");
    }

    private final List<Path> roots;
    private final List<SharedEntry> entries;
    private final Map<String, SharedEntry> bySha256;
    private final List<String> skipped;
    private final long totalBytes;

    ShareCatalogue(List<Path> roots, List<SharedEntry> entries, List<String> skipped) {
        this.roots = List.copyOf(roots);
        this.entries = entries.stream().sorted(Comparator.comparing(SharedEntry::path)).toList();
        this.skipped = List.copyOf(skipped);
        Map<String, SharedEntry> index = new HashMap<>();
        this.entries.forEach(entry -> index.putIfAbsent(entry.sha256(), entry));
        this.bySha256 = Map.copyOf(index);
        this.totalBytes = this.entries.stream().mapToLong(SharedEntry::size).sum();
    }

    /**
     * Walks every root and hashes its files through a per-root {@link HashCache} kept in
     * {@code cacheDir}. Fails with one clear sentence when a root is not a readable folder.
     * {@link ShareScanner} does the same repeatedly, keeping the hash caches in memory.
     */
    public static ShareCatalogue scan(List<Path> roots, Path cacheDir) throws IOException {
        return ShareScanner.open(roots, cacheDir).scan();
    }

    static Path checkedRoot(Path root) throws IOException {
        Path shown = root.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new IOException("Cannot share " + shown + ": no such directory.");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("Cannot share " + shown + ": not a directory.");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new IOException("Cannot share " + shown + ": permission denied.");
        }
        return root.toRealPath();
    }

    /** The real paths of the share roots, without duplicates. */
    public List<Path> roots() {
        return roots;
    }

    /** Every shared file, sorted by path; the same content may appear under several paths. */
    public List<SharedEntry> entries() {
        return entries;
    }

    public List<SharedFile> files() {
        return entries.stream().map(SharedEntry::toSharedFile).toList();
    }

    /** One file holding this content, if any is shared. */
    public Optional<SharedEntry> find(String sha256) {
        return sha256 == null ? Optional.empty() : Optional.ofNullable(bySha256.get(sha256));
    }

    /** One line per file or folder left out, saying which and why. */
    public List<String> skipped() {
        return skipped;
    }

    public int size() {
        return entries.size();
    }

    public long totalBytes() {
        return totalBytes;
    }
}
