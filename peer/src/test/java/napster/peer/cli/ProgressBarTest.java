package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter screen = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressBar bar(long total) {
        return new ProgressBar(new PrintWriter(screen), total, nanos::get);
    }

    @Test
    void line_halfwayAfterOneSecond_showsPercentRateTimeLeftAndHolders() {
        assertThat(bar(2L << 20).line(1L << 20, 3, 1_000_000_000L))
                .isEqualTo("[############            ]  50% 1.0 MiB of 2.0 MiB  1.0 MiB/s  0:01 left  3 peers ");
    }

    @Test
    void line_resumedDownload_rateCountsOnlyWhatArrivedInThisRun() {
        ProgressBar bar = bar(4L << 20);
        bar.update(2L << 20, 0); // what an earlier run left

        assertThat(bar.line(3L << 20, 1, 1_000_000_000L))
                .isEqualTo("[##################      ]  75% 3.0 MiB of 4.0 MiB  1.0 MiB/s  0:01 left  1 peer ");
    }

    @Test
    void update_redrawsAtMostFiveTimesASecondButAlwaysAtTheEnd() {
        ProgressBar bar = bar(1000);
        nanos.set(100_000_000L);
        bar.update(10, 1);
        nanos.set(250_000_000L);
        bar.update(20, 1);
        nanos.set(260_000_000L);
        bar.update(1000, 1);
        bar.finish();
        assertThat(screen.toString().chars().filter(c -> c == '\r').count()).isEqualTo(2);
        assertThat(screen.toString()).contains(" 100% 1000 B of 1000 B").endsWith(System.lineSeparator());
    }

    @Test
    void finish_withoutAnyDraw_printsNothing() {
        bar(10).finish();
        assertThat(screen.toString()).isEmpty();
    }
}
