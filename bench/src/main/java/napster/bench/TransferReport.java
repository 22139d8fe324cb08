package napster.bench;

import java.util.Locale;

/**
 * What {@code bench transfer} measured, printed as the JSON document described on
 * {@link TransferBench} or as a text table. Immutable.
 */
record TransferReport(long sizeBytes, int runs, int holders, long capBytesPerSecond, double hashingMBps,
                      TransferTimes raw, TransferTimes single, TransferTimes multi,
                      Ratio singleToRaw, Ratio multiToRaw) {

    /** How many times the raw copy's time a case took: best against best, median against median. */
    record Ratio(double best, double median) {
        static Ratio of(TransferTimes times, TransferTimes baseline) {
            return new Ratio(times.bestSeconds() / baseline.bestSeconds(), times.medianSeconds() / baseline.medianSeconds());
        }
    }

    static TransferReport of(long sizeBytes, int runs, int holders, long capBytesPerSecond, double hashingMBps,
                             TransferTimes raw, TransferTimes single, TransferTimes multi) {
        return new TransferReport(sizeBytes, runs, holders, capBytesPerSecond, hashingMBps, raw, single, multi,
                Ratio.of(single, raw), Ratio.of(multi, raw));
    }

    /** The same numbers for people: a header line, one aligned row per case, one line per ratio. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "transfer of %d bytes (%.1f MiB) over loopback, %d run%s, %d holder%s, %s;"
                        + " hashing %.0f MB/s%n", sizeBytes, sizeBytes / (double) (1 << 20), runs, runs == 1 ? "" : "s",
                holders, holders == 1 ? "" : "s",
                capBytesPerSecond > 0 ? "upload cap " + capBytesPerSecond + " B/s per holder" : "no upload cap",
                hashingMBps));
        text.append(String.format(Locale.ROOT, "%-8s %9s %9s %10s %11s %11s %12s%n",
                "case", "best s", "median s", "best MB/s", "median MB/s", "best MiB/s", "median MiB/s"));
        row(text, "raw", raw);
        row(text, "single", single);
        row(text, "multi", multi);
        ratio(text, "single/raw", singleToRaw);
        ratio(text, "multi/raw", multiToRaw);
        return text.toString().stripTrailing();
    }

    private static void row(StringBuilder text, String name, TransferTimes times) {
        text.append(String.format(Locale.ROOT, "%-8s %9.3f %9.3f %10.1f %11.1f %11.1f %12.1f%n", name,
                times.bestSeconds(), times.medianSeconds(), times.bestMBps(), times.medianMBps(),
                TransferTimes.mibps(times.bestMBps()), TransferTimes.mibps(times.medianMBps())));
    }

    private static void ratio(StringBuilder text, String name, Ratio ratio) {
        text.append(String.format(Locale.ROOT, "%-11s %.2fx the raw copy's time (best), %.2fx (median)%n", name + ":",
                ratio.best(), ratio.median()));
    }
}
