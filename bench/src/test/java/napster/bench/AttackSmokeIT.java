package napster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A short, small run of each attack against the real broker and indexer: the report has every
 * phase of every victim, the counts add up, and the attacker's own figures are there. Not a
 * robustness check: the attacks' own ITs (broker-config, indexer, peer) assert what must hold.
 */
class AttackSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private JsonNode run(String... args) throws Exception {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void amplification_smallRun_reportsEveryPhaseAndTheSearchesSent() throws Exception {
        JsonNode report = run("attack", "amplification", "--json", "--files", "300", "--name-length", "60",
                "--searches", "200", "--before-seconds", "1", "--attack-seconds", "2", "--recover-limit", "20");

        assertThat(report.get("attack").asText()).isEqualTo("amplification");
        assertVictims(report, "searches", "heartbeats");
        JsonNode attacker = report.get("attacker");
        assertThat(attacker.get("filesShared").asInt()).isEqualTo(300);
        assertThat(attacker.get("searchesSent").asLong() + attacker.get("sendFailures").asLong()).isEqualTo(200);
    }

    @Test
    void flood_smallRun_reportsBothPortsAndTheLoginProbes() throws Exception {
        JsonNode report = run("attack", "flood", "--json", "--connections", "40", "--before-seconds", "1",
                "--attack-seconds", "2", "--recover-limit", "20");

        assertThat(report.get("attack").asText()).isEqualTo("flood");
        assertVictims(report, "connects", "stompLogins");
        JsonNode attacker = report.get("attacker");
        assertThat(attacker.get("connectionsPerTarget").asInt()).isEqualTo(40);
        long opened = 0;
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) attacker::fields) {
            if (field.getKey().endsWith("PeakOpen")) {
                assertThat(field.getValue().asInt()).isBetween(1, 40);
            }
            if (field.getKey().endsWith("Opened")) {
                opened += field.getValue().asLong();
            }
        }
        assertThat(opened).isGreaterThanOrEqualTo(80);
    }

    @Test
    void index_smallRunOnAnExternalBroker_reportsTheFilesAccepted() throws Exception {
        BrokerOptions options = new BrokerOptions();
        options.indexerPassword = "indexer";
        options.peerPassword = "peer";
        try (BenchSystem system = BenchSystem.start(options)) {
            JsonNode report = run("attack", "index", "--json", "--broker", system.url(), "--files", "12000",
                    "--keys", "2", "--before-seconds", "1", "--attack-seconds", "60", "--recover-limit", "20");

            assertThat(report.get("attack").asText()).isEqualTo("index");
            assertVictims(report, "searches", "heartbeats");
            JsonNode attacker = report.get("attacker");
            assertThat(attacker.get("filesAccepted").asLong()).isEqualTo(12000);
            assertThat(attacker.get("stoppedBy").asText()).isEqualTo("all files were accepted");
            assertThat(system.indexer().stats().files()).isGreaterThanOrEqualTo(12000);
        }
    }

    @Test
    void index_withoutBroker_isRefusedWithOneSentence() {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("attack", "index")).isEqualTo(2);
        assertThat(err.toString()).startsWith("bench attack index needs --broker");
    }

    /** Every victim reports before, during and after, and in each phase answered ≤ probes and found ≤ answered. */
    private static void assertVictims(JsonNode report, String... names) {
        JsonNode victims = report.get("victims");
        assertThat(victims).hasSize(names.length);
        for (int i = 0; i < names.length; i++) {
            JsonNode victim = victims.get(i);
            assertThat(victim.get("name").asText()).isEqualTo(names[i]);
            assertThat(victim.get("phases")).hasSize(3);
            for (JsonNode phase : victim.get("phases")) {
                int probes = phase.get("probes").asInt();
                assertThat(phase.get("answered").asInt()).isBetween(0, probes);
                assertThat(phase.get("found").asInt()).isBetween(0, phase.get("answered").asInt());
            }
            assertThat(victim.get("phases").get(0).get("phase").asText()).isEqualTo("before");
            assertThat(victim.get("phases").get(0).get("probes").asInt()).as(names[i]).isPositive();
        }
        assertThat(report.get("attackSeconds").asDouble()).isPositive();
    }
}
