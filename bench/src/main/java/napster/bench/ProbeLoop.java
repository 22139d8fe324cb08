package napster.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

/**
 * Runs a victim's probe at a steady pace whatever the attack does to it: each probe runs on a
 * thread of its own (at most {@link #MAX_IN_FLIGHT} at once), so one stuck behind a throttled
 * broker does not delay the next. A probe that cannot even start counts as failed.
 */
final class ProbeLoop implements AutoCloseable {
    /** Probes waiting at once: 10 s timeouts at 5 probes a second need 50. */
    static final int MAX_IN_FLIGHT = 64;

    /** One probe: returns whether it found what it looked for; throws when it got no answer in time. */
    interface Probe {
        boolean run() throws Exception;
    }

    private final ScheduledExecutorService ticker;
    private final ExecutorService probes;

    private ProbeLoop(ScheduledExecutorService ticker, ExecutorService probes) {
        this.ticker = ticker;
        this.probes = probes;
    }

    static ProbeLoop start(String name, Duration every, Probe probe, ProbeLog log) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon(name + "-tick"));
        ExecutorService probes = new ThreadPoolExecutor(0, MAX_IN_FLIGHT, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon(name));
        ProbeLoop loop = new ProbeLoop(ticker, probes);
        ticker.scheduleAtFixedRate(() -> loop.launch(probe, log), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return loop;
    }

    private void launch(Probe probe, ProbeLog log) {
        ProbeLog.Phase phase = log.phase();
        long sent = System.nanoTime();
        try {
            probes.execute(() -> {
                try {
                    boolean found = probe.run();
                    log.record(new ProbeLog.Outcome(phase, sent, true, found, System.nanoTime() - sent, null));
                } catch (Exception e) {
                    log.record(new ProbeLog.Outcome(phase, sent, false, false, System.nanoTime() - sent,
                            BenchMain.reason(e)));
                }
            });
        } catch (RejectedExecutionException e) {
            log.record(new ProbeLog.Outcome(phase, sent, false, false, 0,
                    MAX_IN_FLIGHT + " probes were still waiting for an answer"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        probes.shutdownNow();
        probes.awaitTermination(15, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
