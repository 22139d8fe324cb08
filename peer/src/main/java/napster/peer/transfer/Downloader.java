package napster.peer.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;

/**
 * Fetches a file from the peers holding it, one holder after the other until one delivers
 * bytes whose SHA-256 matches; only then does the file appear under its final name.
 * Thread-safe: concurrent downloads may share one instance.
 */
public final class Downloader {
    private static final int BUFFER_BYTES = 1 << 20;

    private final HolderClient client;

    public Downloader(Duration connectTimeout, Duration readTimeout) {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        this.client = new HolderClient(connectTimeout, readTimeout);
    }

    public DownloadResult download(FileHit hit, List<Holder> holders, Path targetDir, Consumer<String> log)
            throws DownloadException {
        return download(hit, holders, targetDir, log, received -> { });
    }

    /**
     * As {@link #download(FileHit, List, Path, Consumer)}, reporting the bytes received so far
     * from the current holder to {@code progress} (it starts again from 0 when a holder fails).
     */
    public DownloadResult download(FileHit hit, List<Holder> holders, Path targetDir, Consumer<String> log,
                                   LongConsumer progress) throws DownloadException {
        Objects.requireNonNull(hit, "hit");
        Objects.requireNonNull(holders, "holders");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        DownloadTarget target;
        try {
            target = DownloadTarget.in(targetDir, hit);
        } catch (IOException e) {
            throw new DownloadException("Cannot create the folder " + targetDir + ": " + e.getMessage() + ".", e);
        }
        Optional<Path> existing = target.existingCopy();
        if (existing.isPresent()) {
            return new DownloadResult(existing.get(), hit.sha256(), hit.size(), 0, List.of(), since(started));
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        Path partial = target.partialFile();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            Holder holder = holders.get(i);
            try {
                client.fetch(holder, hit, partial, buffer, progress);
                Path landed = target.publish(partial);
                return new DownloadResult(landed, hit.sha256(), hit.size(), hit.size(), List.of(holder), since(started));
            } catch (HolderFailure failure) {
                deleteQuietly(partial);
                failures.add("peer " + holder.peerId() + " (" + failure.getMessage() + ")");
                log.accept("Peer " + holder.peerId() + " at " + holder.host() + ":" + holder.port()
                        + " is not serving this file (" + failure.getMessage() + ")"
                        + (i + 1 < holders.size() ? "; trying the next holder." : "."));
            } catch (IOException e) {
                deleteQuietly(partial);
                if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    throw new DownloadException("The download of " + hit.name() + " was interrupted.", e);
                }
                throw new DownloadException("Cannot write " + partial + ": " + e.getMessage() + ".", e);
            }
        }
        if (failures.isEmpty()) {
            throw new DownloadException("No peer holds " + hit.name() + " right now.");
        }
        throw new DownloadException("No holder could deliver " + hit.name() + ": " + String.join(", ", failures) + ".");
    }

    /** The round trip of a {@code ping} to {@code holder}, for choosing the nearest one. */
    public Duration ping(Holder holder) throws IOException {
        try {
            return client.ping(holder);
        } catch (HolderFailure failure) {
            throw new IOException("Peer " + holder.peerId() + " at " + holder.host() + ":" + holder.port()
                    + " did not answer the ping (" + failure.getMessage() + ").", failure);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale partial file is overwritten by the next attempt anyway
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
