package napster.peer.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scans the same share roots again and again, keeping each root's {@link HashCache} in memory
 * so a rescan only stats unchanged files and hashes what is new or changed. Not thread-safe:
 * one scan at a time.
 */
public final class ShareScanner {
    private final List<Path> roots;
    private final Path cacheDir;
    private final Map<Path, HashCache> caches = new LinkedHashMap<>();

    private ShareScanner(List<Path> roots, Path cacheDir) {
        this.roots = roots;
        this.cacheDir = cacheDir;
    }

    /** Checks the roots (one clear sentence when one is not a readable folder) and prepares the cache folder. */
    public static ShareScanner open(List<Path> roots, Path cacheDir) throws IOException {
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (roots == null || roots.isEmpty()) {
            throw new IllegalArgumentException("Name at least one folder to share.");
        }
        Set<Path> realRoots = new LinkedHashSet<>();
        for (Path root : roots) {
            realRoots.add(ShareCatalogue.checkedRoot(root));
        }
        Files.createDirectories(cacheDir);
        return new ShareScanner(List.copyOf(realRoots), cacheDir.toRealPath());
    }

    /** The real paths of the share roots. */
    public List<Path> roots() {
        return roots;
    }

    /** The real path of the hash-cache folder; when it lies inside a root it is not shared (nor watched). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Walks every root now; a root that vanished fails the scan (the caller keeps what it had). */
    public ShareCatalogue scan() throws IOException {
        List<SharedEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IOException("The shared folder " + root + " is gone.");
            }
            HashCache hashes = caches.computeIfAbsent(root,
                    r -> new HashCache(HashCache.defaultLocation(r, cacheDir)));
            RootScan scan = RootScan.walk(root, hashes, cacheDir);
            hashes.forgetAllExcept(scan.entries().stream().map(SharedEntry::path).toList());
            try {
                hashes.save();
            } catch (IOException e) {
                throw new IOException("Cannot save the hash cache " + hashes.file() + ": " + e.getMessage() + ".", e);
            }
            entries.addAll(scan.entries());
            skipped.addAll(scan.skipped());
        }
        return new ShareCatalogue(roots, entries, skipped);
    }
}
