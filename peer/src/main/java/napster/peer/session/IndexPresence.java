package napster.peer.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import napster.common.protocol.Ack;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexException;
import napster.peer.index.UnknownPeerException;
import napster.peer.share.ShareDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this peer present in the index: heartbeats every interval, registers the whole current
 * share again when the indexer forgot it (unknown-peer), asks for it (reannounce) or the broker
 * came back, and passes share changes on as deltas. Everything that talks to the index runs on
 * one thread of the given executor, in order, so a full registration and a delta never cross;
 * failures are logged and retried at the next beat, never thrown.
 */
public final class IndexPresence {
    private static final Logger LOG = LoggerFactory.getLogger(IndexPresence.class);

    /** What the presence needs of the index, for one peer key; {@code IndexClient} does it over the broker. */
    public interface Link {
        Ack register(List<SharedFile> files) throws IndexException;

        void update(ShareDelta delta) throws IndexException;

        /** @throws UnknownPeerException when the indexer does not know this peer (any more) */
        void heartbeat(int intervalSeconds) throws IndexException;
    }

    private final Link link;
    private final Supplier<List<SharedFile>> share;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Consumer<String> log;
    private final AtomicInteger peerId = new AtomicInteger();
    private boolean needsRegister; // only touched on the executor (after the first registration)
    private boolean failing;

    /** {@code executor} must run one task at a time (a single-thread scheduler); the caller shuts it down. */
    public IndexPresence(Link link, Supplier<List<SharedFile>> share, ScheduledExecutorService executor,
                         Duration interval, Consumer<String> log) {
        this.link = link;
        this.share = share;
        this.executor = executor;
        this.interval = interval;
        this.log = log;
    }

    /** Registers the share now, on the caller's thread; fails loudly (the first registration must work). */
    public Ack registerFirst() throws IndexException {
        Ack ack = link.register(share.get());
        peerId.set(ack.peerId());
        return ack;
    }

    /** Starts the heartbeats: the first after one interval. */
    public void start() {
        executor.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The peer id of the latest registration (it changes when a restarted indexer numbers peers anew). */
    public int peerId() {
        return peerId.get();
    }

    /** Registers the whole current share again, soon, on the executor; safe from any thread. */
    public void registerAgain(String why) {
        submit(() -> register(why));
    }

    /** Sends a share change, on the executor; a failed one turns into a full registration at the next beat. */
    public void send(ShareDelta delta) {
        submit(() -> {
            if (needsRegister) {
                register("catching up on changes the index missed");
                return;
            }
            try {
                link.update(delta);
                LOG.debug("Sent share change {}", delta);
            } catch (IndexException e) {
                needsRegister = true;
                LOG.warn("Could not send a share change ({}): {}; will register again", delta, e.getMessage());
            }
        });
    }

    void beat() {
        if (needsRegister) {
            register("the index missed earlier changes or registrations");
            return;
        }
        try {
            link.heartbeat((int) interval.toSeconds());
            if (failing) {
                failing = false;
                log.accept("The index answers again.");
            }
        } catch (UnknownPeerException e) {
            register("the indexer did not know this peer");
        } catch (IndexException e) {
            failed("heartbeat", e);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed unexpectedly", e);
        }
    }

    private void register(String why) {
        try {
            Ack ack = link.register(share.get());
            peerId.set(ack.peerId());
            needsRegister = false;
            failing = false;
            log.accept("Registered again as peer " + ack.peerId() + " with " + ack.files() + " files (" + why + ").");
        } catch (IndexException e) {
            needsRegister = true;
            failed("registration", e);
        } catch (RuntimeException e) {
            needsRegister = true;
            LOG.warn("Registration failed unexpectedly", e);
        }
    }

    private void failed(String what, IndexException e) {
        if (!failing) {
            failing = true;
            log.accept("The index did not take the " + what + " (" + e.getMessage() + "); retrying every "
                    + interval.toSeconds() + " s.");
            LOG.warn("{} failed: {}", what, e.getMessage());
        } else {
            LOG.debug("{} failed again: {}", what, e.getMessage());
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Index task failed unexpectedly", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Not sending to the index: the session is closing");
        }
    }
}
