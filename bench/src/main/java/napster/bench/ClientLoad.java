package napster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each on its own thread with its own connection, doing one request-reply after
 * the other: first a warm-up (not counted), then a measured window in which every round trip's
 * latency is recorded, and the CPU time the process spent in it. All clients start each phase
 * together.
 */
final class ClientLoad {
    /** One client's conversation: opened on its thread, then asked for one round trip at a time. */
    interface Client extends AutoCloseable {
        void roundTrip() throws Exception;
    }

    /** Opens a client; {@code index} tells clients apart (e.g. to seed their queries). */
    @FunctionalInterface
    interface ClientFactory {
        Client open(int index) throws Exception;
    }

    private ClientLoad() {
    }

    static LatencyStats run(int clients, ClientFactory factory, Duration warmUp, Duration measure) throws Exception {
        CyclicBarrier opened = new CyclicBarrier(clients + 1);
        long[] window = new long[2]; // end of the measured window and the CPU time then, set as every client is warm
        CyclicBarrier warmed = new CyclicBarrier(clients + 1, () -> {
            window[1] = ProcessCpu.nanos();
            window[0] = System.nanoTime() + measure.toNanos();
        });
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try (Client client = factory.open(index)) {
                    opened.await();
                    long warmEnd = System.nanoTime() + warmUp.toNanos();
                    while (System.nanoTime() < warmEnd) {
                        client.roundTrip();
                    }
                    warmed.await();
                    long end = window[0];
                    long[] mine = new long[1 << 14];
                    int count = 0;
                    while (true) {
                        long began = System.nanoTime();
                        if (began >= end) {
                            break;
                        }
                        client.roundTrip();
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - began;
                    }
                    latencies[index] = mine;
                    counts[index] = count;
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    opened.reset();
                    warmed.reset();
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            opened.await();
            warmed.await();
        } catch (Exception e) {
            // a client failed and broke the barrier: its exception says why
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long cpuNanos = ProcessCpu.nanos() - window[1]; // with the last round trips begun in the window
        if (failure.get() != null) {
            throw failure.get();
        }
        for (int i = 0; i < clients; i++) {
            if (latencies[i] == null) {
                latencies[i] = new long[0];
            }
        }
        return LatencyStats.merge(latencies, counts, measure.toNanos() / 1e9, cpuNanos);
    }
}
