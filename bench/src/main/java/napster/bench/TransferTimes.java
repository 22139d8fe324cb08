package napster.bench;

import java.util.List;

/**
 * One case's timed runs (raw copy, single-source or multi-source download): every run's
 * seconds in run order, the best and the median, and the rates they give in MB/s (10^6 bytes).
 */
record TransferTimes(double bestSeconds, double medianSeconds, double bestMBps, double medianMBps,
                     List<Double> seconds) {
    private static final double MB = 1e6;
    private static final double MIB = 1 << 20;

    TransferTimes {
        seconds = List.copyOf(seconds);
    }

    /** From the seconds of each run (at least one) of moving {@code sizeBytes}. */
    static TransferTimes of(List<Double> seconds, long sizeBytes) {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("at least one run is needed");
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double best = sorted[0];
        double median = median(sorted);
        return new TransferTimes(best, median, sizeBytes / MB / best, sizeBytes / MB / median, seconds);
    }

    /** The middle value, or the mean of the two middle ones of an even count. */
    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The same rates in MiB/s, for the text table. */
    static double mibps(double mbps) {
        return mbps * MB / MIB;
    }
}
