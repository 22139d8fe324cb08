package napster.peer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for terminals: bytes, percent, rate and time left, redrawn in
 * place at most five times a second.
 */
final class ProgressBar implements LongConsumer {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final long total;
    private final LongSupplier clock;
    private final long startedNanos;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintWriter out, long total, LongSupplier nanoClock) {
        this.out = out;
        this.total = total;
        this.clock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startedNanos;
    }

    @Override
    public void accept(long received) {
        long now = clock.getAsLong();
        if (now - lastDrawNanos < REDRAW_NANOS && received < total) {
            return;
        }
        lastDrawNanos = now;
        out.print("\r" + line(received, now - startedNanos));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }

    String line(long received, long elapsedNanos) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) received / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? received / seconds : 0;
        String left = rate > 0 ? formatSeconds((total - received) / rate) : "--";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %s of %s  %s/s  %s left ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, Sizes.format(received),
                Sizes.format(total), Sizes.format((long) rate), left);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
