package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long RATE = 1_000_000;
    private static final long BURST = 100_000;

    private final AtomicLong clock = new AtomicLong(42);
    private final Queue<Long> sleeps = new ConcurrentLinkedQueue<>();

    /* A sleeper that lets fake time pass, overshooting like a real one does. */
    private TokenBucket bucket(long overshootNanos) {
        return new TokenBucket(RATE, BURST, clock::get, nanos -> {
            sleeps.add(nanos);
            clock.addAndGet(nanos + overshootNanos);
        });
    }

    @Test
    void take_manySlices_keepsTheRateWithinOnePercent() throws InterruptedException {
        TokenBucket bucket = bucket(TimeUnit.MICROSECONDS.toNanos(700));
        long start = clock.get();
        long total = 0;
        for (int i = 0; i < 2_000; i++) {
            bucket.take(50_000);
            total += 50_000;
            clock.addAndGet(TimeUnit.MICROSECONDS.toNanos(300)); // the send itself takes a little time too
        }

        double rate = total * (double) SECOND / (clock.get() - start);
        assertThat(rate).isCloseTo(RATE, within(RATE * 0.01));
    }

    @Test
    void take_afterIdling_letsOneBurstThroughAtOnceAndNoMore() throws InterruptedException {
        TokenBucket bucket = bucket(0);
        bucket.take(3 * BURST);
        sleeps.clear();
        clock.addAndGet(10 * SECOND); // ten seconds' worth of tokens, but the bucket holds one burst

        bucket.take(BURST / 2);
        bucket.take(BURST / 2);
        assertThat(sleeps).isEmpty();

        bucket.take(10_000);
        assertThat(sleeps).containsExactly(10_000 * SECOND / RATE);
    }

    @Test
    void take_concurrentTakers_shareTheRate() throws Exception {
        TokenBucket bucket = new TokenBucket(RATE, BURST, clock::get, sleeps::add); // time stands still: debts add up
        int takers = 8;
        int takesEach = 10;
        long slice = 25_000;
        ExecutorService threads = Executors.newFixedThreadPool(takers);
        CountDownLatch ready = new CountDownLatch(takers);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < takers; t++) {
                done.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    for (int i = 0; i < takesEach; i++) {
                        bucket.take(slice);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        long total = takers * takesEach * slice;
        assertThat(sleeps).hasSize(takers * takesEach - (int) (BURST / slice));
        // whoever took last waits as long as all the bytes of all takers need at the rate
        assertThat(sleeps.stream().mapToLong(Long::longValue).max().orElseThrow())
                .isEqualTo((total - BURST) * SECOND / RATE);
    }

    @Test
    void take_zeroOrNegativeBytes_takesNothing() throws InterruptedException {
        TokenBucket bucket = bucket(0);
        bucket.take(0);
        bucket.take(-5);
        bucket.take(BURST);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void new_zeroOrNegativeRateOrBurst_isRefused() {
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> new TokenBucket(bad, BURST, clock::get, nanos -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytesPerSecond");
            assertThatThrownBy(() -> new TokenBucket(RATE, bad, clock::get, nanos -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
            assertThatThrownBy(() -> TokenBucket.perSecond(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sliceBytes_followsTheBurstWithinBounds() {
        assertThat(TokenBucket.perSecond(1024).sliceBytes()).isEqualTo(16 * 1024);
        assertThat(TokenBucket.perSecond(2 << 20).sliceBytes()).isEqualTo((2 << 20) / 10);
        assertThat(TokenBucket.perSecond(1L << 30).sliceBytes()).isEqualTo(256 * 1024);
    }
}
