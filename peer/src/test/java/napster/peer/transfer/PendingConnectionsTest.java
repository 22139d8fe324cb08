package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingConnectionsTest {
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(-5 * MILLI); // nanoTime may be negative
    private final PendingConnections<String> pending = new PendingConnections<>(3, Duration.ofMillis(100), clock::get);

    @Test
    void add_upToTheLimit_isFullAndTheOldestIsTheFirstAdded() {
        pending.add("a");
        clock.addAndGet(MILLI);
        pending.add("b");
        assertThat(pending.isFull()).isFalse();
        pending.add("c");

        assertThat(pending.isFull()).isTrue();
        assertThat(pending.oldest()).isEqualTo("a");
        assertThatThrownBy(() -> pending.add("d")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void remove_theOldest_makesRoomAndTheNextOneIsOldest() {
        pending.add("a");
        pending.add("b");
        pending.add("c");

        assertThat(pending.remove(pending.oldest())).isTrue();
        pending.add("d");

        assertThat(pending.oldest()).isEqualTo("b");
        assertThat(pending.contains("a")).isFalse();
        assertThat(pending.remove("a")).isFalse();
        assertThat(pending.size()).isEqualTo(3);
    }

    @Test
    void removeExpired_givesExactlyThoseThatWaitedTheTimeout() {
        pending.add("a");
        clock.addAndGet(30 * MILLI);
        pending.add("b");
        clock.addAndGet(69 * MILLI);

        assertThat(pending.removeExpired()).isEmpty();
        assertThat(pending.nanosUntilNextExpiry()).isEqualTo(MILLI);

        clock.addAndGet(MILLI);
        assertThat(pending.removeExpired()).containsExactly("a");
        assertThat(pending.nanosUntilNextExpiry()).isEqualTo(30 * MILLI);

        clock.addAndGet(40 * MILLI);
        assertThat(pending.nanosUntilNextExpiry()).isZero();
        assertThat(pending.removeExpired()).containsExactly("b");
        assertThat(pending.nanosUntilNextExpiry()).isEqualTo(-1);
    }

    @Test
    void removeAll_emptiesIt() {
        pending.add("a");
        pending.add("b");

        assertThat(pending.removeAll()).containsExactly("a", "b");
        assertThat(pending.size()).isZero();
        assertThat(pending.nanosUntilNextExpiry()).isEqualTo(-1);
    }

    @Test
    void limit_belowOne_isRefused() {
        assertThatThrownBy(() -> new PendingConnections<String>(0, Duration.ofSeconds(1), clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
