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
    void line_halfwayAfterOneSecond_showsPercentRateAndTimeLeft() {
        assertThat(bar(2L << 20).line(1L << 20, 1_000_000_000L))
                .isEqualTo("[############            ]  50% 1.0 MiB of 2.0 MiB  1.0 MiB/s  0:01 left ");
    }

    @Test
    void accept_redrawsAtMostFiveTimesASecondButAlwaysAtTheEnd() {
        ProgressBar bar = bar(1000);
        nanos.set(100_000_000L);
        bar.accept(10);
        nanos.set(250_000_000L);
        bar.accept(20);
        nanos.set(260_000_000L);
        bar.accept(1000);
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
