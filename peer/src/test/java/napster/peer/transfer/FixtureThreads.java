package napster.peer.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The threads a test holder starts and the sockets it opens: on close, the sockets are closed and the threads ended. */
final class FixtureThreads implements AutoCloseable {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Closeable> resources = new CopyOnWriteArrayList<>();

    /** Runs {@code task} on a daemon thread named {@code name}. */
    void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Closes {@code resource} on close. */
    <T extends Closeable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Closeable resource : resources) {
            resource.close();
        }
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
