package napster.broker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a foreground command run until Ctrl-C or SIGTERM, then stop its parts in order on its
 * own thread: the JVM shutdown hook asks for the stop and waits (bounded) until the command
 * has closed everything. Tests ask for the stop with {@link #request()}.
 */
final class ShutdownSignal implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onJvmShutdown, "napster-shutdown");

    /** Installs the shutdown hook; close the returned signal once everything is stopped. */
    ShutdownSignal install() {
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    void request() {
        requested.countDown();
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotInstalled) {
            // the hook is running (it waits for 'closed', just released) or was never added
        }
    }

    private void onJvmShutdown() {
        requested.countDown();
        try {
            closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
