package napster.indexer.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import napster.common.jms.JmsCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that answer {@code napster.search}: one per core, each with its own session for
 * its replies. The queue's one consumer hands requests over through a queue as long as the
 * workers; while it is full the hand-over waits, and with it the consumer's acknowledgement, so
 * the broker holds back the rest (the consumer's prefetch). Searches only read the index, under
 * a shared lock, so they run in parallel.
 */
final class SearchWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final BlockingQueue<Message> handOver;
    private final List<Thread> threads = new ArrayList<>();

    private SearchWorkers(int count) {
        this.handOver = new ArrayBlockingQueue<>(count);
    }

    /** Starts {@code count} workers on {@code connection}, each answering through {@code processor}. */
    static SearchWorkers start(Connection connection, JmsCodec codec, RequestProcessor processor, int count)
            throws JMSException {
        SearchWorkers workers = new SearchWorkers(count);
        try {
            for (int i = 1; i <= count; i++) {
                ReplySender replies = new ReplySender(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), codec);
                Thread thread = new Thread(() -> workers.work(processor, replies), "indexer-search-" + i);
                thread.setDaemon(true);
                workers.threads.add(thread);
            }
        } catch (JMSException | RuntimeException e) {
            workers.close();
            throw e;
        }
        workers.threads.forEach(Thread::start);
        return workers;
    }

    /** Hands a request to the next free worker; waits while all are busy and the queue is full. */
    void submit(Message request) {
        try {
            handOver.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: the request is dropped, as a search in flight may be
        }
    }

    private void work(RequestProcessor processor, ReplySender replies) {
        while (!Thread.currentThread().isInterrupted()) {
            Message request;
            try {
                request = handOver.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                processor.process(request, replies);
            } catch (RuntimeException e) {
                LOG.error("A search worker failed on a request", e);
            }
        }
    }

    /** Stops the workers, waiting (bounded) for a search in progress. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
