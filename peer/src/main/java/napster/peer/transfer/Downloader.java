package napster.peer.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.transfer.ChunkHashes;

/**
 * Fetches a file from all the peers holding it at once: asks each for the content's chunk
 * hashes, lets the holders that agree fetch chunks in parallel (fast holders take more, failing
 * or corrupt ones are dropped and named), checks every chunk as it arrives and the whole
 * SHA-256 before the file appears under its final name. A run that cannot finish leaves a
 * partial file and a progress record from which the next run resumes. Thread-safe: concurrent
 * downloads may share one instance.
 */
public final class Downloader {
    static final int BUFFER_BYTES = 1 << 20;

    private final DownloadSettings settings;
    private final TokenBucket bucket;

    public Downloader(Duration connectTimeout, Duration readTimeout) {
        this(new DownloadSettings(connectTimeout, readTimeout), null);
    }

    /** {@code bucket}: caps the rate of all this downloader's transfers together; null for no cap. */
    public Downloader(Duration connectTimeout, Duration readTimeout, TokenBucket bucket) {
        this(new DownloadSettings(connectTimeout, readTimeout), bucket);
    }

    /** {@code bucket}: caps the rate of all this downloader's transfers together; null for no cap. */
    public Downloader(DownloadSettings settings, TokenBucket bucket) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bucket = bucket;
    }

    public DownloadResult download(FileHit hit, List<Holder> holders, Path targetDir, Consumer<String> log)
            throws DownloadException {
        return download(hit, holders, targetDir, log, DownloadProgress.NONE);
    }

    public DownloadResult download(FileHit hit, List<Holder> holders, Path targetDir, Consumer<String> log,
                                   DownloadProgress progress) throws DownloadException {
        Objects.requireNonNull(hit, "hit");
        Objects.requireNonNull(holders, "holders");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        DownloadTarget target = DownloadTarget.in(targetDir, hit);
        Optional<Path> existing = target.existingCopy();
        if (existing.isPresent()) {
            return new DownloadResult(existing.get(), hit.sha256(), hit.size(), 0, 0, List.of(), Duration.ofNanos(
                    System.nanoTime() - started), List.of());
        }
        if (holders.isEmpty()) {
            throw new DownloadException("No peer holds " + hit.name() + " right now.");
        }
        target.ensureRoom();
        try {
            target.createFolder();
        } catch (IOException e) {
            throw new DownloadException("Cannot create the folder " + targetDir + ": " + e.getMessage() + ".", e);
        }
        Dropouts dropouts = new Dropouts(log);
        List<Candidate> candidates = ask(hit, holders, dropouts);
        long transferred = 0;
        for (List<Candidate> group : agreeingGroups(candidates, dropouts)) {
            SwarmDownload swarm = new SwarmDownload(hit, group.get(0).hashes(), target.partialFile(), bucket, log,
                    dropouts, progress);
            try {
                swarm.run(group.stream().map(Candidate::connection).toList(), this::dial,
                        "get-" + group.get(0).holder().port());
                transferred += swarm.transferred();
                Path landed = target.publish(target.partialFile());
                List<Holder> delivered = swarm.workers().stream().filter(w -> w.chunksDelivered() > 0)
                        .map(HolderWorker::holder).toList();
                return new DownloadResult(landed, hit.sha256(), hit.size(), transferred, swarm.resumedBytes(),
                        delivered, Duration.ofNanos(System.nanoTime() - started), dropouts.dropped());
            } catch (SwarmDownload.WrongChunkHashes e) {
                transferred += swarm.transferred();
                group.forEach(liar -> dropouts.dropLiar(liar.holder()));
            } catch (SwarmDownload.IncompleteDownload e) {
                throw dropouts.giveUp(hit, target.partialFile());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadException("The download of " + hit.name() + " was interrupted.", e);
            } catch (IOException e) {
                if (SwarmDownload.interrupted(e)) {
                    Thread.currentThread().interrupt();
                    throw new DownloadException("The download of " + hit.name() + " was interrupted.", e);
                }
                throw new DownloadException("Cannot write " + target.partialFile() + ": " + e.getMessage() + "."
                        + Dropouts.keptFor(target.partialFile()), e);
            } finally {
                group.forEach(candidate -> candidate.connection().close());
            }
        }
        throw dropouts.giveUp(hit, target.partialFile());
    }

    /** The round trip of a {@code ping} to {@code holder}, for choosing the nearest one. */
    public Duration ping(Holder holder) throws IOException {
        try (HolderConnection connection = HolderConnection.open(holder, settings, 0)) {
            return connection.ping();
        } catch (HolderFailure failure) {
            throw new IOException("Peer " + holder.peerId() + " at " + holder.host() + ":" + holder.port()
                    + " did not answer the ping (" + failure.getMessage() + ").", failure);
        }
    }

    /** A holder that answered {@code info}: its open connection (reused for the chunks) and how fast it answered. */
    record Candidate(Holder holder, HolderConnection connection, ChunkHashes hashes, Duration roundTrip) {
    }

    /** What asking one holder gave: a candidate, or why the holder cannot help. */
    private record Answer(Candidate candidate, String failure) {
    }

    /* Connects to every holder at once and asks for the chunk hashes; those that fail are named and left out. */
    private List<Candidate> ask(FileHit hit, List<Holder> holders, Dropouts dropouts) {
        ExecutorService askers = Executors.newFixedThreadPool(Math.min(holders.size(), 16), task -> {
            Thread thread = new Thread(task, "get-info");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (Holder holder : holders) {
                answers.add(CompletableFuture.supplyAsync(() -> askOne(hit, holder), askers));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < holders.size(); i++) {
                Answer answer = answers.get(i).join();
                if (answer.candidate() != null) {
                    candidates.add(answer.candidate());
                } else {
                    dropouts.drop(holders.get(i), answer.failure());
                }
            }
            candidates.sort(preference());
            return candidates;
        } finally {
            askers.shutdownNow();
        }
    }

    private HolderConnection dial(Holder holder) throws HolderFailure, InterruptedIOException {
        return HolderConnection.open(holder, settings, BUFFER_BYTES);
    }

    private Answer askOne(FileHit hit, Holder holder) {
        HolderConnection connection = null;
        try {
            long began = System.nanoTime();
            connection = dial(holder);
            ChunkHashes hashes = connection.info(hit.sha256());
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - began);
            if (hashes.size() != hit.size()) {
                connection.close();
                return new Answer(null, "offered " + hashes.size() + " bytes instead of " + hit.size());
            }
            return new Answer(new Candidate(holder, connection, hashes, roundTrip), null);
        } catch (HolderFailure failure) {
            if (connection != null) {
                connection.close();
            }
            return new Answer(null, failure.getMessage());
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            return new Answer(null, "interrupted");
        }
    }

    /**
     * Best first: a holder that reports a free upload slot before one that reports none, then the
     * quickest answer to {@code info} (connect plus one round trip: the latency that matters).
     */
    static Comparator<Candidate> preference() {
        return Comparator.comparing((Candidate c) -> c.holder().freeSlots() != null && c.holder().freeSlots() == 0)
                .thenComparing(Candidate::roundTrip);
    }

    /*
     * Holders that sent the same chunk hashes form a group; the largest group (best holder first
     * on a tie) is tried first. Only the whole-file SHA-256 can tell which group told the truth.
     */
    private static List<List<Candidate>> agreeingGroups(List<Candidate> candidates, Dropouts dropouts) {
        Map<ChunkHashes, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            groups.computeIfAbsent(candidate.hashes(), key -> new ArrayList<>()).add(candidate);
        }
        List<List<Candidate>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((List<Candidate> group) -> -group.size()));
        if (ordered.size() > 1) {
            dropouts.note("The holders disagree about the chunk hashes of this file; trying the largest group first.");
        }
        return ordered;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale partial file is overwritten by the next attempt anyway
        }
    }
}
