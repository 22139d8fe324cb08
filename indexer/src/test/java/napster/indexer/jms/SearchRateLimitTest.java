package napster.indexer.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SearchRateLimitTest {
    private final AtomicLong nanos = new AtomicLong();
    private final SearchRateLimit limit = new SearchRateLimit(20, nanos::get);

    private int allowedInARow(String connection) {
        int allowed = 0;
        while (limit.allow(connection)) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void allow_aBurstOfTwiceTheRate_thenRefuses() {
        assertThat(allowedInARow("ID:a-1")).isEqualTo(40);
        assertThat(limit.allow("ID:a-1")).isFalse();
    }

    @Test
    void allow_refillsAtTheRate() {
        allowedInARow("ID:a-1");

        nanos.addAndGet(500_000_000L); // half a second: 10 more

        assertThat(allowedInARow("ID:a-1")).isEqualTo(10);
    }

    @Test
    void allow_oneConnectionPastItsRate_othersStillAllowed() {
        allowedInARow("ID:attacker-1");

        assertThat(limit.allow("ID:victim-1")).isTrue();
        assertThat(allowedInARow("ID:victim-2")).isEqualTo(40);
    }

    @Test
    void allow_neverMoreThanTheBurstAfterALongPause() {
        allowedInARow("ID:a-1");
        nanos.addAndGet(3_600_000_000_000L);

        assertThat(allowedInARow("ID:a-1")).isEqualTo(40);
    }

    @Test
    void allow_rateZero_neverRefuses() {
        SearchRateLimit none = new SearchRateLimit(0, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(none.allow("ID:a-1")).isTrue();
        }
    }

    @Test
    void buckets_areBounded_theLeastRecentlyUsedGoesFirst() {
        allowedInARow("ID:old-1");
        for (int i = 0; i < SearchRateLimit.MAX_CONNECTIONS; i++) {
            limit.allow("ID:other-" + i);
        }

        // forgotten: it starts again with a full bucket
        assertThat(allowedInARow("ID:old-1")).isEqualTo(40);
    }
}
