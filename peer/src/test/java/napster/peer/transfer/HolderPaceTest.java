package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HolderPaceTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private final HolderPace pace = new HolderPace(Duration.ofSeconds(30), 1024);

    @Test
    void read_tricklingAWholeWindow_namesTheBytesTheTimeAndTheFloor() {
        String verdict = null;
        for (int i = 0; i < 150 && verdict == null; i++) {
            verdict = pace.read(1, 200 * MS); // a byte every 200 ms
        }

        assertThat(verdict).isEqualTo("sent 150 bytes in 30 s, below the floor of 1 KiB/s");
    }

    @Test
    void read_beforeAWindowOfWaitingIsCounted_judgesNothing() {
        assertThat(pace.read(0, 29 * SECOND)).isNull();
        assertThat(pace.read(1, SECOND - 1)).isNull();

        assertThat(pace.read(0, 1)).isEqualTo("sent 1 byte in 30 s, below the floor of 1 KiB/s");
    }

    @Test
    void read_atTheFloorOrAbove_keepsTheHolder() {
        assertThat(pace.read(30 * 1024, 30 * SECOND)).isNull();
        assertThat(pace.read(1 << 20, 30 * SECOND)).isNull();
    }

    @Test
    void read_eachWindowIsJudgedAlone_aFastStartDoesNotCoverALaterTrickle() {
        assertThat(pace.read(64 << 20, 30 * SECOND)).isNull();

        assertThat(pace.read(10, 30 * SECOND)).isEqualTo("sent 10 bytes in 30 s, below the floor of 1 KiB/s");
    }

    @Test
    void read_oneLongWait_isJudgedOverTheTimeItTook() {
        // 40 KiB after 45 s is below 1 KiB/s, though more than a 30 s window's worth of the floor
        assertThat(pace.read(40 * 1024, 45 * SECOND)).isEqualTo("sent 40960 bytes in 45 s, below the floor of 1 KiB/s");
    }

    @Test
    void read_endOfStreamAndNegativeTimes_countAsNothing() {
        assertThat(pace.read(-1, -5)).isNull();

        assertThat(pace.read(-1, 30 * SECOND)).isEqualTo("sent 0 bytes in 30 s, below the floor of 1 KiB/s");
    }

    @Test
    void read_noFloor_neverDrops() {
        HolderPace unbounded = new HolderPace(Duration.ofSeconds(1), 0);

        assertThat(unbounded.read(0, 60 * SECOND)).isNull();
    }

    @Test
    void read_shortWindowAndOtherRates_areNamedInTheirUnits() {
        assertThat(new HolderPace(Duration.ofMillis(500), 2L << 20).read(0, 500 * MS))
                .isEqualTo("sent 0 bytes in 500 ms, below the floor of 2 MiB/s");
        assertThat(new HolderPace(Duration.ofSeconds(1), 1000).read(3, SECOND))
                .isEqualTo("sent 3 bytes in 1 s, below the floor of 1000 B/s");
    }

    @Test
    void new_badWindowOrFloor_isRefused() {
        assertThatThrownBy(() -> new HolderPace(Duration.ZERO, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HolderPace(Duration.ofSeconds(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
