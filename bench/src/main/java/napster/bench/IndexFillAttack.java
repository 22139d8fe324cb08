package napster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import napster.common.jms.ClientSettings;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;

/**
 * Fills the index: {@code keys} peer keys (keys are free) each share their part of
 * {@code files} files with {@code nameLength}-character names, in updates of
 * {@link #BATCH} files, one key after the other, until the indexer refuses, leaves
 * {@link #MAX_UNANSWERED} batches in a row unanswered, or all are in. Names are made batch by batch, so the attacker itself stays small.
 */
final class IndexFillAttack implements Attack {
    static final int BATCH = 5_000;

    private final ClientSettings login;
    private final long files;
    private final int keys;
    private final int nameLength;
    /** Batches in a row left unanswered before the attacker gives up on the indexer. */
    static final int MAX_UNANSWERED = 5;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private int unanswered;
    private final AtomicReference<String> stoppedBy = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final String run = Long.toHexString(System.nanoTime());
    private volatile boolean stopping;
    private Thread thread;

    IndexFillAttack(ClientSettings login, long files, int keys, int nameLength) {
        this.login = login;
        this.files = files;
        this.keys = keys;
        this.nameLength = nameLength;
    }

    @Override
    public void start() {
        thread = new Thread(this::fill, "attacker-fill");
        thread.setDaemon(true);
        thread.start();
    }

    private void fill() {
        try (IndexClient client = IndexClient.connect(login, "attacker-fill", Victim.TIMEOUT);
             KeepAlive alive = new KeepAlive(IndexClient.connect(login, "attacker-beat", Victim.TIMEOUT))) {
            long next = 0;
            for (int key = 0; key < keys && !stopping; key++) {
                String peerKey = "fill-" + run + "-key-" + key;
                long end = files * (key + 1) / keys;
                boolean registered = false;
                while (next < end && !stopping) {
                    List<SharedFile> batch = batch(next, Math.min(end, next + BATCH));
                    try {
                        if (registered) {
                            client.update(peerKey, batch, List.of());
                        } else {
                            client.register(peerKey, "127.0.0.1", 2 + key, batch);
                            registered = true;
                            alive.add(peerKey);
                        }
                        accepted.addAndGet(batch.size());
                        unanswered = 0;
                    } catch (IndexException e) {
                        // an answer that refuses ends the attack; no answer at all (a struggling indexer) is tried again
                        if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)
                                || ++unanswered == MAX_UNANSWERED) {
                            throw e;
                        }
                        timeouts.incrementAndGet();
                    }
                    next += batch.size();
                }
            }
            stoppedBy.compareAndSet(null, stopping ? "the attack's time ran out" : "all files were accepted");
        } catch (IndexException | RuntimeException e) {
            stoppedBy.compareAndSet(null, e.getMessage());
        } catch (Exception e) {
            stoppedBy.compareAndSet(null, BenchMain.reason(e));
        } finally {
            done.countDown();
        }
    }

    /** Heartbeats for the attacker's keys, as a real peer sends them, so its files are not dropped when a lease lapses. */
    private static final class KeepAlive implements AutoCloseable {
        private final IndexClient client;
        private final List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.ScheduledExecutorService beater =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "attacker-beat");
                    thread.setDaemon(true);
                    return thread;
                });

        KeepAlive(IndexClient client) {
            this.client = client;
            beater.scheduleWithFixedDelay(this::beat, 5, 5, TimeUnit.SECONDS);
        }

        void add(String key) {
            keys.add(key);
        }

        private void beat() {
            for (String key : keys) {
                try {
                    client.heartbeat(key, 10, Victim.TIMEOUT);
                } catch (IndexException e) {
                    // the fill notices a lost registration itself
                }
            }
        }

        @Override
        public void close() {
            beater.shutdownNow();
            client.close();
        }
    }

    private List<SharedFile> batch(long from, long to) {
        List<SharedFile> batch = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            String stem = "fill " + run + " " + i + " ";
            batch.add(new SharedFile(stem + "y".repeat(Math.max(1, nameLength - stem.length() - 4)) + ".bin", i,
                    "%064x".formatted(i + 1)));
        }
        return batch;
    }

    @Override
    public void awaitEnd(Duration most) throws InterruptedException {
        done.await(most.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(Victim.TIMEOUT.multipliedBy(2).toMillis());
        }
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("filesOffered", files);
        figures.put("keys", keys);
        figures.put("nameLength", nameLength);
        figures.put("filesAccepted", accepted.get());
        figures.put("batchesUnanswered", timeouts.get());
        figures.put("stoppedBy", stoppedBy.get());
        return figures;
    }
}
