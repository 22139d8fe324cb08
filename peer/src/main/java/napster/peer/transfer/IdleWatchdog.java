package napster.peer.transfer;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that made no progress in time: a client must send a whole request within
 * the request timeout of the previous answer, and take bytes of an answer at least once per
 * stall timeout. Closing is what unblocks a thread stuck in a blocking socket read or write (a
 * {@code SocketChannel} ignores {@code SO_TIMEOUT}), so one timer covers both.
 */
final class IdleWatchdog implements AutoCloseable {
    private final long requestNanos;
    private final long stallNanos;
    private final ScheduledExecutorService timer;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    IdleWatchdog(String threadName, Duration requestTimeout, Duration stallTimeout) {
        this.requestNanos = requestTimeout.toNanos();
        this.stallNanos = stallTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long shorter = Math.min(requestTimeout.toMillis(), stallTimeout.toMillis());
        long period = Math.max(5, Math.min(1_000, shorter / 4));
        timer.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code channel}, which is being answered: the stall clock starts now. */
    Watch watch(Channel channel) {
        Watch watch = new Watch(channel);
        watches.add(watch);
        if (closed) {
            watches.remove(watch);
            closeQuietly(channel);
        }
        return watch;
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (!watch.paused && now - watch.deadline > 0) { // paused first: see Watch.touch()
                watch.expire();
            }
        }
    }

    /** Stops the timer and closes every watched connection. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Watch watch : watches) {
            watches.remove(watch);
            closeQuietly(watch.channel);
        }
    }

    /** True once {@link #close()} began: connections closing now are being shut down, not lost. */
    boolean closed() {
        return closed;
    }

    /*
     * Closing alone does not wake a thread blocked in sendfile (FileChannel.transferTo) on the
     * socket; shutting the socket down does.
     */
    private static void closeQuietly(Channel channel) {
        if (channel instanceof SocketChannel socket) {
            try {
                socket.shutdownOutput();
                socket.shutdownInput();
            } catch (IOException e) {
                // already shut or closed: closing below is what matters
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /**
     * One watched connection: {@link #awaitRequest()} before reading a request,
     * {@link #touch()} when answering it and whenever an answer makes progress.
     */
    final class Watch implements AutoCloseable {
        private final Channel channel;
        private volatile long deadline;
        private volatile boolean paused;
        private volatile boolean awaitingRequest;
        private volatile boolean expired;

        private Watch(Channel channel) {
            this.channel = channel;
            touch();
        }

        /** The whole next request must arrive within the request timeout from now. */
        void awaitRequest() {
            awaitingRequest = true;
            deadline = System.nanoTime() + requestNanos;
            paused = false;
        }

        /** The client took bytes (or a request is being answered): it may stall for the stall timeout from now. */
        void touch() {
            awaitingRequest = false;
            deadline = System.nanoTime() + stallNanos;
            paused = false; // written after the deadline, read before it: never a new "unpaused" with an old deadline
        }

        /** Stops the clock until the next {@link #touch()}: the wait ahead is ours (e.g. a rate cap), not the client's. */
        void pause() {
            paused = true;
        }

        /** True when the watchdog closed the connection for idling or stalling. */
        boolean expired() {
            return expired;
        }

        /** Why the watchdog closed it, as a log line's end. */
        String expiry() {
            return awaitingRequest ? "no whole request within " + millis(requestNanos)
                    : "it took no bytes for " + millis(stallNanos);
        }

        private void expire() {
            expired = true;
            watches.remove(this);
            closeQuietly(channel);
        }

        /** Stops watching; the connection itself is closed by its owner. */
        @Override
        public void close() {
            watches.remove(this);
        }
    }

    private static String millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
    }
}
