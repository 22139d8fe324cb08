package napster.bench;

import java.util.Arrays;

/**
 * What a timed run of sequential request-replies gave: how many completed in how long
 * (throughput), the latency distribution in milliseconds, and the CPU time this whole process
 * spent per round trip (broker, server and clients, when they all run in it): on a busy
 * machine a steadier measure of cost than throughput, which the scheduler's mood moves.
 * Immutable.
 */
record LatencyStats(long count, double seconds, double throughput, double meanMillis, double p50Millis,
                    double p99Millis, double p999Millis, double cpuMicros) {

    /**
     * From every round trip's duration in nanoseconds, measured over {@code seconds} of wall
     * time during which the process used {@code cpuNanos} of CPU.
     */
    static LatencyStats of(long[] nanos, int count, double seconds, long cpuNanos) {
        if (count == 0) {
            return new LatencyStats(0, seconds, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencyStats(count, seconds, count / seconds, sum / count / 1e6, percentile(sorted, 0.50),
                percentile(sorted, 0.99), percentile(sorted, 0.999), cpuNanos / 1e3 / count);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    /** Merges the runs of several clients that ran over the same wall time. */
    static LatencyStats merge(long[][] perClient, int[] counts, double seconds, long cpuNanos) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < perClient.length; i++) {
            System.arraycopy(perClient[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        return of(all, total, seconds, cpuNanos);
    }
}
