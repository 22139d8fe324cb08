package napster.peer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import napster.peer.transfer.DownloadProgress;

/**
 * A one-line progress bar for terminals: bytes, percent, rate, time left and how many holders
 * are sending, redrawn in place at most five times a second. The rate counts only what arrives
 * in this run: the first report (what a resumed download already had) is its baseline.
 */
final class ProgressBar implements DownloadProgress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final long total;
    private final LongSupplier clock;
    private final long startedNanos;
    private long lastDrawNanos;
    private long baseline = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, long total, LongSupplier nanoClock) {
        this.out = out;
        this.total = total;
        this.clock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startedNanos;
    }

    @Override
    public synchronized void update(long received, int holders) {
        if (baseline < 0) {
            baseline = received;
        }
        long now = clock.getAsLong();
        if (now - lastDrawNanos < REDRAW_NANOS && received < total) {
            return;
        }
        lastDrawNanos = now;
        out.print("\r" + line(received, holders, now - startedNanos));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }

    String line(long received, int holders, long elapsedNanos) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) received / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? Math.max(0, received - Math.max(0, baseline)) / seconds : 0;
        String left = rate > 0 ? formatSeconds((total - received) / rate) : "--";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %s of %s  %s/s  %s left  %d %s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, Sizes.format(received),
                Sizes.format(total), Sizes.format((long) rate), left, holders, holders == 1 ? "peer" : "peers");
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
