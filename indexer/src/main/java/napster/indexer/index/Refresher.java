package napster.indexer.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's own thread: every {@code everyMillis} it makes the changes made so far visible to
 * searches (when there are any), then runs, in the order they were asked for, the actions that
 * waited for changes to become visible (replies and events about them). Changes are counted;
 * an action waits for the count at the time it was asked for.
 */
final class Refresher implements AutoCloseable {
    /** How long {@link FileIndex#awaitChangesVisible} waits at most. */
    static final long MAX_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    /** Makes every change so far visible; returns how many changes that covers. */
    interface Refresh {
        long run() throws IOException;
    }

    private record Waiting(long upTo, Runnable action) {
    }

    private final Refresh refresh;
    private final long everyMillis;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private final Thread thread;
    private long visible; // guarded by this
    private boolean closing; // guarded by this

    private Refresher(Refresh refresh, long everyMillis) {
        this.refresh = refresh;
        this.everyMillis = everyMillis;
        this.thread = new Thread(this::run, "indexer-refresh");
        thread.setDaemon(true);
    }

    static Refresher start(Refresh refresh, long everyMillis) {
        Refresher refresher = new Refresher(refresh, everyMillis);
        refresher.thread.start();
        return refresher;
    }

    /** Runs {@code action} on this thread once at least {@code upTo} changes are visible. */
    synchronized void after(long upTo, Runnable action) {
        waiting.add(new Waiting(upTo, action));
        if (upTo <= visible) {
            notifyAll(); // nothing to wait for but its turn
        }
    }

    private void run() {
        while (true) {
            boolean last;
            synchronized (this) {
                if (!closing && !ready()) {
                    try {
                        wait(everyMillis);
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                last = closing;
            }
            try {
                long covered = refresh.run();
                synchronized (this) {
                    visible = Math.max(visible, covered);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Refreshing the index for searches failed; trying again", e);
            }
            runReady(last);
            if (last) {
                return;
            }
        }
    }

    private boolean ready() {
        Waiting next = waiting.peek();
        return next != null && next.upTo <= visible;
    }

    private void runReady(boolean all) {
        while (true) {
            Waiting next;
            synchronized (this) {
                next = waiting.peek();
                if (next == null || !all && next.upTo > visible) {
                    return;
                }
                waiting.remove();
            }
            try {
                next.action.run();
            } catch (RuntimeException e) {
                LOG.error("An action waiting for the index to refresh failed", e);
            }
        }
    }

    /** Makes the last changes visible, runs every waiting action, and stops. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
