package napster.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a victim saw while an attack ran: every probe (a search, a heartbeat, a connection) with
 * the phase it was sent in, whether it was answered in time, whether it found what it looked
 * for, and how long it took. Thread-safe: probes finish on many threads.
 */
final class ProbeLog {
    /** Before the attack starts, while it runs, after it stopped. */
    enum Phase { BEFORE, DURING, AFTER }

    /** One probe: {@code ok} = answered in time; {@code found} = the answer held what a real user looked for. */
    record Outcome(Phase phase, long sentNanos, boolean ok, boolean found, long latencyNanos, String failure) {
    }

    /** A phase in numbers; latencies over the answered probes only. */
    record PhaseStats(String phase, int probes, int answered, int found, double p50Millis, double p99Millis,
                      String firstFailure) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private volatile Phase phase = Phase.BEFORE;
    private volatile long attackEndedNanos;

    Phase phase() {
        return phase;
    }

    void attackStarted() {
        phase = Phase.DURING;
    }

    void attackEnded() {
        attackEndedNanos = System.nanoTime();
        phase = Phase.AFTER;
    }

    synchronized void record(Outcome outcome) {
        outcomes.add(outcome);
    }

    synchronized PhaseStats stats(Phase of) {
        List<Outcome> in = outcomes.stream().filter(o -> o.phase() == of).toList();
        long[] latencies = in.stream().filter(Outcome::ok).mapToLong(Outcome::latencyNanos).sorted().toArray();
        String failure = in.stream().filter(o -> !o.ok()).map(Outcome::failure).findFirst().orElse(null);
        return new PhaseStats(of.name().toLowerCase(), in.size(), latencies.length,
                (int) in.stream().filter(Outcome::found).count(), percentile(latencies, 0.50),
                percentile(latencies, 0.99), failure);
    }

    /**
     * Seconds from the end of the attack until the first of {@code run} probes in a row (in the
     * order they were sent) that were answered within {@code quick} and found what they looked
     * for; empty if that has not happened yet.
     */
    synchronized OptionalDouble recoverySeconds(int run, java.time.Duration quick) {
        List<Outcome> after = new ArrayList<>(outcomes.stream().filter(o -> o.phase() == Phase.AFTER).toList());
        after.sort((a, b) -> Long.compare(a.sentNanos(), b.sentNanos()));
        int streak = 0;
        for (int i = 0; i < after.size(); i++) {
            Outcome probe = after.get(i);
            streak = probe.ok() && probe.found() && probe.latencyNanos() <= quick.toNanos() ? streak + 1 : 0;
            if (streak == run) {
                long first = after.get(i - run + 1).sentNanos();
                return OptionalDouble.of(Math.max(0, first - attackEndedNanos) / 1e9);
            }
        }
        return OptionalDouble.empty();
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : LatencyStats.percentile(Arrays.copyOf(sorted, sorted.length), fraction);
    }
}
