package napster.peer.share;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps a share's catalogue following the disk: a {@link WatchService} on every folder of the
 * roots (new subfolders included) triggers a rescan once changes have settled for
 * {@code debounce}, and a periodic full rescan catches whatever the watch service missed.
 * Each rescan that changes something replaces the catalogue and hands the {@link ShareDelta}
 * to the sink. Partial downloads and the hash cache's own folder are ignored.
 */
public final class ShareWatcher implements AutoCloseable {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(700);
    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(30);

    private final ShareScanner scanner;
    private final AtomicReference<ShareCatalogue> catalogue;
    private final Duration debounce;
    private final Duration rescan;
    private final Consumer<ShareDelta> sink;
    private final Consumer<String> log;
    private final WatchService watchService;
    private final ScheduledExecutorService scheduler;
    private final Thread watchThread;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final Set<String> reportedSkips = new HashSet<>();
    private final Object pendingLock = new Object();
    private ScheduledFuture<?> pendingScan;
    private volatile boolean closed;

    private ShareWatcher(ShareScanner scanner, AtomicReference<ShareCatalogue> catalogue, Duration debounce,
                         Duration rescan, Consumer<ShareDelta> sink, Consumer<String> log, String name)
            throws IOException {
        this.scanner = scanner;
        this.catalogue = catalogue;
        this.debounce = debounce;
        this.rescan = rescan;
        this.sink = sink;
        this.log = log;
        this.watchService = scanner.roots().get(0).getFileSystem().newWatchService();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name + "-scan"));
        this.watchThread = new Thread(this::watchLoop, name + "-watch");
        this.watchThread.setDaemon(true);
        catalogue.get().skipped().forEach(reportedSkips::add);
    }

    /**
     * Starts watching. {@code catalogue} holds the current share and is replaced on every change
     * (readers such as the file server see the new one at once); {@code rescan} null or zero
     * means no periodic rescan; {@code name} names the threads (e.g. {@code peer-25000}).
     */
    public static ShareWatcher start(ShareScanner scanner, AtomicReference<ShareCatalogue> catalogue,
                                     Duration debounce, Duration rescan, Consumer<ShareDelta> sink,
                                     Consumer<String> log, String name) throws IOException {
        ShareWatcher watcher = new ShareWatcher(scanner, catalogue, debounce, rescan, sink, log, name);
        try {
            watcher.registerAll();
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
        watcher.watchThread.start();
        if (rescan != null && !rescan.isZero() && !rescan.isNegative()) {
            watcher.scheduler.scheduleWithFixedDelay(watcher::rescanQuietly, rescan.toMillis(), rescan.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return watcher;
    }

    /** The share as last scanned. */
    public ShareCatalogue current() {
        return catalogue.get();
    }

    /** Rescans now (on the scan thread) and waits for it; for tests and callers that know the disk changed. */
    public void rescanNow() throws Exception {
        scheduler.submit(this::rescanQuietly).get();
    }

    private void registerAll() throws IOException {
        for (Path root : scanner.roots()) {
            registerTree(root);
        }
    }

    /** Registers {@code dir} and every folder below it (links are not followed; the cache folder is left out). */
    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                if (folder.equals(scanner.cacheDir())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                watched.put(folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // the scan reports unreadable folders
            }
        });
    }

    private void watchLoop() {
        while (!closed) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = watched.get(key);
            boolean relevant = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    relevant = true;
                    try {
                        registerAll();
                    } catch (IOException e) {
                        log.accept("Cannot watch every shared folder again: " + e.getMessage());
                    }
                    continue;
                }
                if (dir == null || !(event.context() instanceof Path name)) {
                    continue;
                }
                Path child = dir.resolve(name);
                if (child.equals(scanner.cacheDir()) || ShareCatalogue.isDownloadScratch(name.toString())) {
                    continue;
                }
                relevant = true;
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        registerTree(child);
                    } catch (IOException e) {
                        // it may be gone again already; the next scan tells
                    }
                }
            }
            if (!key.reset()) {
                watched.remove(key);
            }
            if (relevant) {
                scheduleScan();
            }
        }
    }

    /** (Re)starts the settle timer: the scan runs once nothing has changed for {@code debounce}. */
    private void scheduleScan() {
        synchronized (pendingLock) {
            if (closed) {
                return;
            }
            if (pendingScan != null) {
                pendingScan.cancel(false);
            }
            pendingScan = scheduler.schedule(this::rescanQuietly, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rescanQuietly() {
        if (closed) {
            return;
        }
        ShareCatalogue now;
        try {
            now = scanner.scan();
        } catch (IOException | RuntimeException e) {
            log.accept("Rescanning the share failed (keeping the previous list): " + e.getMessage());
            return;
        }
        for (String skip : now.skipped()) {
            if (reportedSkips.add(skip)) {
                log.accept("Not shared: " + skip);
            }
        }
        reportedSkips.retainAll(now.skipped());
        ShareCatalogue before = catalogue.getAndSet(now);
        ShareDelta delta = ShareDelta.between(before, now);
        if (delta.isEmpty()) {
            return;
        }
        try {
            sink.accept(delta);
        } catch (RuntimeException e) {
            log.accept("Could not pass on a share change (" + delta + "): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
        watchThread.interrupt();
        scheduler.shutdownNow();
        try {
            watchThread.join(5_000);
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
