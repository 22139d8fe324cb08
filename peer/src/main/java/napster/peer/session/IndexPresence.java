package napster.peer.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Keeps this peer present in the index, whatever the index does: registers the share and waits
 * for the ack as long as the registration may wait in the broker, registers again when the
 * indexer forgot the peer (unknown-peer), asks for it (reannounce) or the broker came back,
 * retries a failed registration with {@link RetryBackoff backoff}, heartbeats every interval
 * once registered, and passes share changes on as deltas. Everything that talks to the index
 * runs on one thread of the given executor, in order, and never blocks on a registration, so a
 * full registration and a delta never cross and at most one registration is outstanding (a
 * reannounce may add one more). Failures are said once and retried, never thrown.
 */
public final class IndexPresence {
    private static final Logger LOG = LoggerFactory.getLogger(IndexPresence.class);

    /** What the presence needs of the index, for one peer key; {@code IndexClient} does it over the broker. */
    public interface Link {
        /** Sends the whole share; completes with the ack, or exceptionally when refused or unanswered in time. */
        CompletableFuture<Ack> register(List<SharedFile> files);

        void update(ShareDelta delta) throws IndexException;

        /** @throws UnknownPeerException when the indexer does not know this peer (any more) */
        void heartbeat(int intervalSeconds) throws IndexException;

        /** A failed registration in one sentence for a person. */
        default String describe(Throwable failure) {
            return failure.getMessage();
        }
    }

    private final Link link;
    private final Supplier<List<SharedFile>> share;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final RetryBackoff backoff;
    private final Consumer<String> log;
    private final AtomicInteger peerId = new AtomicInteger();
    // only touched on the executor:
    private CompletableFuture<Ack> pending; // the registration under way, if any
    private ScheduledFuture<?> retry; // the registration retry waiting for its turn, if any
    private boolean needsRegister;
    private boolean everRegistered;
    private boolean failing;

    /** {@code executor} must run one task at a time (a single-thread scheduler); the caller shuts it down. */
    public IndexPresence(Link link, Supplier<List<SharedFile>> share, ScheduledExecutorService executor,
                         Duration interval, Consumer<String> log) {
        this(link, share, executor, interval, new RetryBackoff(RetryBackoff.FIRST, RetryBackoff.MOST), log);
    }

    IndexPresence(Link link, Supplier<List<SharedFile>> share, ScheduledExecutorService executor, Duration interval,
                  RetryBackoff backoff, Consumer<String> log) {
        this.link = link;
        this.share = share;
        this.executor = executor;
        this.interval = interval;
        this.backoff = backoff;
        this.log = log;
    }

    /**
     * Registers the share and waits at most {@code wait} for the ack. Empty when none came in time
     * (said once, in one line): the registration goes on waiting in the broker, and retries follow
     * by themselves until an indexer takes one.
     */
    public Optional<Ack> registerFirst(Duration wait) throws InterruptedException {
        CompletableFuture<Ack> first;
        try {
            first = executor.submit(() -> register(null)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the registration", e.getCause());
        }
        String failure;
        try {
            Ack ack = first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            peerId.set(ack.peerId()); // now, for the banner: the executor records it too, a moment later
            return Optional.of(ack);
        } catch (TimeoutException e) {
            failure = "No indexer answered within " + wait.toSeconds() + " s; serving the files anyway: the"
                    + " registration waits in the broker and is sent again until an indexer takes it.";
        } catch (ExecutionException e) {
            failure = "The index did not take the registration (" + link.describe(e.getCause())
                    + "); serving the files anyway and trying again until it does.";
        }
        submit(() -> sayFailing(failure));
        return Optional.empty();
    }

    /** Starts the heartbeats: the first after one interval. */
    public void start() {
        executor.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The peer id of the latest registration (it changes when a restarted indexer numbers peers anew); 0 before the first. */
    public int peerId() {
        return peerId.get();
    }

    /** Registers the whole current share again, soon, on the executor; safe from any thread. */
    public void registerAgain(String why) {
        submit(() -> register(why));
    }

    /** Sends a share change, on the executor; while a registration is due or under way, it follows the change. */
    public void send(ShareDelta delta) {
        submit(() -> {
            if (pending != null || retry != null) {
                needsRegister = true; // the registration under way carries the share as it was
                return;
            }
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
        if (pending != null || retry != null) {
            return; // a registration is under way or waits for its retry: it settles the peer's presence
        }
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
            sayFailing("The index did not take the heartbeat (" + e.getMessage() + "); retrying every "
                    + interval.toSeconds() + " s.");
            LOG.debug("heartbeat failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed unexpectedly", e);
        }
    }

    /* On the executor. why: null for the first registration, else what a person is told when it lands. */
    private CompletableFuture<Ack> register(String why) {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        needsRegister = false;
        CompletableFuture<Ack> attempt;
        try {
            attempt = link.register(share.get());
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        pending = attempt;
        CompletableFuture<Ack> settling = attempt;
        attempt.whenComplete((ack, failure) -> submit(() -> settle(settling, ack, failure, why)));
        return attempt;
    }

    private void settle(CompletableFuture<Ack> attempt, Ack ack, Throwable failure, String why) {
        if (attempt == pending) {
            pending = null;
        }
        if (ack != null) {
            peerId.set(ack.peerId());
            backoff.reset();
            if (failing || (why != null && everRegistered)) {
                log.accept((everRegistered ? "Registered again as peer " : "Registered as peer ") + ack.peerId()
                        + " with " + ack.files() + " files (" + (why != null ? why : "an indexer answered") + ").");
            }
            everRegistered = true;
            failing = false;
            if (needsRegister && pending == null) {
                register("catching up on changes made meanwhile");
            }
            return;
        }
        if (pending != null) {
            return; // a newer registration superseded this one
        }
        Duration delay = backoff.next();
        sayFailing("The index did not take the registration (" + link.describe(failure) + "); trying again until"
                + " it does.");
        LOG.debug("registration failed, retrying in {}: {}", delay, failure.getMessage());
        try {
            retry = executor.schedule(() -> {
                retry = null;
                register(why != null ? why : "an indexer answered at last");
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not retrying the registration: the session is closing");
        }
    }

    /* Says a failure once; the next success says the index is back. */
    private void sayFailing(String line) {
        if (!failing) {
            failing = true;
            log.accept(line);
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
