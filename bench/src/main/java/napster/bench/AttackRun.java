package napster.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One attack measured from the victims' side: the victims' probes run for the before phase,
 * then while the attack runs, then after it stopped until the first victim recovers (a run of
 * {@link #RECOVERED_AFTER} probes answered within {@link #QUICK} and found) or the recovery
 * limit passes.
 */
final class AttackRun {
    static final int RECOVERED_AFTER = 5;
    /** A probe slower than this is not a recovered one, even if answered in time. */
    static final Duration QUICK = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);

    /** A victim's probe and how often it runs; the first victim's recovery is the run's. */
    record VictimProbe(String name, Duration every, ProbeLoop.Probe probe) {
    }

    /** What a victim saw per phase. */
    record VictimReport(String name, List<ProbeLog.PhaseStats> phases) {
    }

    /** JSON: {@code {"attack","broker","attackSeconds","recoverySeconds","attacker":{…},"victims":[…]}}. */
    record Report(String attack, String broker, double attackSeconds, Double recoverySeconds,
                  Map<String, Object> attacker, List<VictimReport> victims) {

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Attack: %s on %s, %.1f s%n%n", attack, broker, attackSeconds));
            out.append(String.format(Locale.ROOT, "%-14s %-7s %7s %9s %6s %9s %9s  %s%n", "victim", "phase",
                    "probes", "answered", "found", "p50 ms", "p99 ms", "first failure"));
            for (VictimReport victim : victims) {
                for (ProbeLog.PhaseStats phase : victim.phases()) {
                    out.append(String.format(Locale.ROOT, "%-14s %-7s %7d %9d %6d %9.1f %9.1f  %s%n", victim.name(),
                            phase.phase(), phase.probes(), phase.answered(), phase.found(), phase.p50Millis(),
                            phase.p99Millis(), phase.firstFailure() == null ? "" : phase.firstFailure()));
                }
            }
            out.append(System.lineSeparator()).append(recoverySeconds == null
                    ? "Not recovered within the recovery limit."
                    : String.format(Locale.ROOT, "Recovered %.1f s after the attack stopped (%d %s in a row answered"
                            + " within %d ms and found).", recoverySeconds, RECOVERED_AFTER, victims.get(0).name(),
                            QUICK.toMillis()));
            out.append(System.lineSeparator()).append("Attacker: ").append(attacker);
            return out.toString();
        }
    }

    private AttackRun() {
    }

    static Report run(String kind, String broker, Attack attack, List<VictimProbe> probes, Duration before,
                      Duration attackFor, Duration recoverLimit, PrintWriter err) throws Exception {
        OutputOptions.progress(err, "Preparing the " + kind + " attack ...");
        attack.prepare();
        List<ProbeLog> logs = new ArrayList<>();
        List<ProbeLoop> loops = new ArrayList<>();
        try {
            for (VictimProbe probe : probes) {
                ProbeLog log = new ProbeLog();
                logs.add(log);
                loops.add(ProbeLoop.start("victim-" + probe.name(), probe.every(), probe.probe(), log));
            }
            OutputOptions.progress(err, "Victims running; attack starts in " + before.toSeconds() + " s.");
            Thread.sleep(before.toMillis()); // the before phase is a set time of normal use
            logs.forEach(ProbeLog::attackStarted);
            long began = System.nanoTime();
            try {
                attack.start();
                attack.awaitEnd(attackFor);
            } finally {
                attack.stop();
            }
            double attackSeconds = (System.nanoTime() - began) / 1e9;
            logs.forEach(ProbeLog::attackEnded);
            OutputOptions.progress(err, String.format(Locale.ROOT, "Attack stopped after %.1f s; waiting for the"
                    + " victims to recover (at most %d s) ...", attackSeconds, recoverLimit.toSeconds()));
            long deadline = System.nanoTime() + recoverLimit.toNanos();
            OptionalDouble recovered = logs.get(0).recoverySeconds(RECOVERED_AFTER, QUICK);
            while (recovered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis()); // probes report on their own threads: look again shortly
                recovered = logs.get(0).recoverySeconds(RECOVERED_AFTER, QUICK);
            }
            for (ProbeLoop loop : loops) {
                loop.close();
            }
            loops.clear();
            List<VictimReport> victims = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                ProbeLog log = logs.get(i);
                victims.add(new VictimReport(probes.get(i).name(), List.of(log.stats(ProbeLog.Phase.BEFORE),
                        log.stats(ProbeLog.Phase.DURING), log.stats(ProbeLog.Phase.AFTER))));
            }
            return new Report(kind, broker, attackSeconds, recovered.isPresent() ? recovered.getAsDouble() : null,
                    new LinkedHashMap<>(attack.figures()), victims);
        } finally {
            for (ProbeLoop loop : loops) {
                loop.close();
            }
        }
    }
}
