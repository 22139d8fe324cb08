package napster.peer.share;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import napster.common.protocol.Fields;
import napster.common.transfer.ChunkHashes;

/**
 * SHA-256 (and, for a file of more than one chunk, chunk hashes) of shared files, remembered by
 * absolute path, size and modification time and kept in a small tab-separated file, so a restart
 * does not rehash a large share. Thread-safe.
 * <p>File layout, one line per file: {@code size \t mtimeMillis \t hashes \t absolutePath}, where
 * {@code hashes} is the file's SHA-256 in hex, and for a file of more than one chunk is followed by
 * {@code :chunkSize:} and the chunk hashes in hex, one after the other. An older version reads such
 * a line as garbled and rehashes that file; a line without chunk hashes for a file of more than one
 * chunk (written by an older version) counts as not cached.
 */
public final class HashCache {
    /*
     * A write that lands in the same timestamp tick as our hashing leaves size and mtime
     * unchanged (coarse clocks: 1-2 s on some filesystems), so a hash of a file modified
     * that recently is not remembered; it is simply computed again next time.
     */
    private static final Duration SETTLE_TIME = Duration.ofSeconds(2);

    private final Path cacheFile;
    private final Clock clock;
    private final Map<String, Cached> hashes = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    /* Flat, and chunkHashes null for a file of at most one chunk: a share of 100k small files stays small. */
    private record Cached(long size, long mtimeMillis, String sha256, ChunkHashes chunkHashes) {
        FileHashes hashes() {
            return new FileHashes(size, sha256, chunkHashes);
        }
    }

    public HashCache(Path cacheFile) {
        this(cacheFile, Clock.systemUTC());
    }

    public HashCache(Path cacheFile, Clock clock) {
        this.cacheFile = Objects.requireNonNull(cacheFile, "cacheFile");
        this.clock = Objects.requireNonNull(clock, "clock");
        load();
    }

    /** One cache file per share root, named after the root's real path. */
    public static Path defaultLocation(Path shareRoot, Path cacheDir) {
        Path root;
        try {
            root = shareRoot.toRealPath();
        } catch (IOException e) {
            root = shareRoot.toAbsolutePath().normalize();
        }
        var digest = FileHasher.newDigest();
        digest.update(root.toString().getBytes(StandardCharsets.UTF_8));
        return cacheDir.resolve("hashes-" + FileHasher.hex(digest).substring(0, 16) + ".tsv");
    }

    public Path file() {
        return cacheFile;
    }

    /** The cached SHA-256 when size and mtime still match, else the freshly computed one. */
    public String sha256(Path file, long size, FileTime mtime) throws IOException {
        return hashes(file, size, mtime).sha256();
    }

    /** The cached hashes when size and mtime still match, else freshly computed ones (one read pass). */
    public FileHashes hashes(Path file, long size, FileTime mtime) throws IOException {
        String key = key(file);
        long mtimeMillis = mtime.toMillis();
        Cached cached = hashes.get(key);
        if (cached != null && cached.size() == size && cached.mtimeMillis() == mtimeMillis) {
            return cached.hashes();
        }
        Instant started = clock.instant();
        FileHashes computed = FileHasher.hash(file);
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        if (computed.size() != size || after.size() != size || after.lastModifiedTime().toMillis() != mtimeMillis) {
            throw new IOException(file + " changed while it was being hashed.");
        }
        if (started.minus(SETTLE_TIME).isAfter(mtime.toInstant())) {
            hashes.put(key, new Cached(size, mtimeMillis, computed.sha256(), computed.held()));
        } else {
            hashes.remove(key);
        }
        dirty = true;
        return computed;
    }

    /** Drops every remembered file not in {@code files}, so deleted files do not pile up. */
    public void forgetAllExcept(Collection<Path> files) {
        Set<String> keep = files.stream().map(HashCache::key).collect(Collectors.toSet());
        if (hashes.keySet().retainAll(keep)) {
            dirty = true;
        }
    }

    /** Writes the cache atomically (temp file + rename) so a crash never leaves half a file. */
    public synchronized void save() throws IOException {
        if (!dirty && Files.exists(cacheFile)) {
            return;
        }
        dirty = false;
        StringBuilder text = new StringBuilder();
        for (var entry : new TreeMap<>(hashes).entrySet()) {
            String path = entry.getKey();
            if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                continue; // a line break would split the record; such files are rehashed instead
            }
            Cached cached = entry.getValue();
            text.append(cached.size()).append('\t').append(cached.mtimeMillis()).append('\t').append(cached.sha256());
            if (cached.chunkHashes() != null) {
                text.append(':').append(cached.chunkHashes().chunkSize()).append(':')
                        .append(HexFormat.of().formatHex(cached.chunkHashes().bytes()));
            }
            text.append('\t').append(path).append('\n');
        }
        Path dir = cacheFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, cacheFile.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            dirty = true;
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A missing, unreadable or garbled cache only costs rehashing: bad lines are skipped. */
    private void load() {
        if (!Files.isRegularFile(cacheFile)) {
            return;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(cacheFile), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                parse(line);
            }
        } catch (IOException | RuntimeException e) {
            // keep whatever was read; the rest gets rehashed
        }
    }

    private void parse(String line) {
        String[] fields = line.split("\t", 4);
        if (fields.length != 4 || fields[3].isEmpty()) {
            return;
        }
        String[] hashFields = fields[2].split(":", 3);
        if (!Fields.isSha256(hashFields[0]) || hashFields.length == 2) {
            return;
        }
        try {
            long size = Long.parseLong(fields[0]);
            long mtimeMillis = Long.parseLong(fields[1]);
            if (hashFields.length == 1 && FileHashes.isMultiChunk(size)) {
                return; // an older version's line: no chunk hashes, so this file is hashed again
            }
            ChunkHashes chunks = hashFields.length == 1 ? null : ChunkHashes.of(size, Integer.parseInt(hashFields[1]),
                    HexFormat.of().parseHex(hashFields[2]));
            FileHashes checked = new FileHashes(size, hashFields[0], chunks);
            hashes.put(fields[3], new Cached(size, mtimeMillis, checked.sha256(), checked.held()));
        } catch (IllegalArgumentException e) {
            // a garbled line is ignored
        }
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
