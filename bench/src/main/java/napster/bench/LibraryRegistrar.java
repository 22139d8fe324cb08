package napster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import napster.common.jms.ClientSettings;
import napster.common.protocol.Ack;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;

/**
 * Registers a synthetic library the way peers do (register plus updates in batches, through
 * the broker to the indexer), spread over {@code peers} simulated peers that register from a
 * few connections at once. The files are made before the clock starts: hashing is excluded.
 */
final class LibraryRegistrar {
    private final SyntheticLibrary library;
    private final ClientSettings login;

    LibraryRegistrar(SyntheticLibrary library, ClientSettings login) {
        this.library = library;
        this.login = login;
    }

    /** The simulated peer {@code p}'s key (stable, so a second run replaces the first). */
    static String peerKey(int peer) {
        return String.format("bench-peer-key-%08d", peer);
    }

    /** The simulated peer {@code p}'s transfer port (nothing listens there: searches only show it). */
    static int peerPort(int peer) {
        return 20_000 + peer % 40_000;
    }

    /**
     * Registers {@code files} files over {@code peers} peers from {@code connections} connections,
     * telling {@code acknowledged} each peer whose registration the indexer acknowledged; returns
     * the time taken.
     */
    Duration register(long files, int peers, int connections, IntConsumer acknowledged) throws Exception {
        List<List<SharedFile>> shares = new ArrayList<>(peers);
        for (int p = 0; p < peers; p++) {
            shares.add(library.files(files * p / peers, files * (p + 1) / peers));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections, task -> {
            Thread thread = new Thread(task, "bench-register");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long began = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(senders.submit(() -> {
                    long indexed = 0;
                    try (IndexClient client = IndexClient.connect(login, "bench-register", Duration.ofSeconds(120))) {
                        for (int p = next.getAndIncrement(); p < peers; p = next.getAndIncrement()) {
                            Ack ack = client.register(peerKey(p), "127.0.0.1", peerPort(p), shares.get(p));
                            indexed += ack.files();
                            acknowledged.accept(p);
                        }
                    }
                    return indexed;
                }));
            }
            long indexed = 0;
            for (Future<Long> result : done) {
                indexed += result.get();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            if (indexed != files) {
                throw new IllegalStateException("The indexer acknowledged " + indexed + " files, not " + files + ".");
            }
            return took;
        } finally {
            senders.shutdownNow();
        }
    }
}
