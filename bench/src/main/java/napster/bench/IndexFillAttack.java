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
 * {@link #BATCH} files, one key after the other, until the indexer refuses, stops answering,
 * or all are in. Names are made batch by batch, so the attacker itself stays small.
 */
final class IndexFillAttack implements Attack {
    static final int BATCH = 5_000;

    private final ClientSettings login;
    private final long files;
    private final int keys;
    private final int nameLength;
    private final AtomicLong accepted = new AtomicLong();
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
        try (IndexClient client = IndexClient.connect(login, "attacker-fill", Victim.TIMEOUT)) {
            long next = 0;
            for (int key = 0; key < keys && !stopping; key++) {
                String peerKey = "fill-" + run + "-key-" + key;
                long end = files * (key + 1) / keys;
                List<SharedFile> first = batch(next, Math.min(end, next + BATCH));
                client.register(peerKey, "127.0.0.1", 2 + key, first);
                accepted.addAndGet(first.size());
                for (next += first.size(); next < end && !stopping; ) {
                    List<SharedFile> files = batch(next, Math.min(end, next + BATCH));
                    client.update(peerKey, files, List.of());
                    accepted.addAndGet(files.size());
                    next += files.size();
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
        figures.put("stoppedBy", stoppedBy.get());
        return figures;
    }
}
