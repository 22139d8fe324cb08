package napster.bench;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import com.fasterxml.jackson.databind.ObjectMapper;
import napster.common.jms.ClientSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every {@code bench attack} takes: the broker under attack, the peer login, the phases, the output. */
final class AttackOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--broker", paramLabel = "URL",
            description = "The broker under attack, e.g. tcp://127.0.0.1:61616 (default: a broker and indexer started"
                    + " in this process).")
    String brokerUrl;

    @Option(names = "--peer-password", paramLabel = "PASSWORD", defaultValue = "peer",
            description = "Password of user peer, which attacker and victims share (default: ${DEFAULT-VALUE}).")
    String peerPassword;

    @Option(names = "--before-seconds", paramLabel = "S", defaultValue = "5",
            description = "Normal use measured before the attack (default: ${DEFAULT-VALUE}).")
    int beforeSeconds;

    @Option(names = "--recover-limit", paramLabel = "S", defaultValue = "60",
            description = "How long to wait for the victims to recover after the attack (default: ${DEFAULT-VALUE}).")
    int recoverLimit;

    @Option(names = "--json", description = "Print one JSON document instead of a table (progress goes to stderr).")
    boolean json;

    /** The system under attack; closing it stops what this process started. */
    record Target(String url, String description, ClientSettings peer, BenchSystem inProcess) implements AutoCloseable {
        InetSocketAddress openWire() {
            URI uri = URI.create(url);
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        }

        @Override
        public void close() throws Exception {
            if (inProcess != null) {
                inProcess.close();
            }
        }
    }

    Target target() throws Exception {
        if (brokerUrl != null) {
            return new Target(brokerUrl, brokerUrl, new ClientSettings(brokerUrl, "peer", peerPassword), null);
        }
        BrokerOptions options = new BrokerOptions();
        options.peerPassword = peerPassword;
        options.indexerPassword = "indexer";
        BenchSystem system = BenchSystem.start(options);
        return new Target(system.url(), system.description(), system.peer(), system);
    }

    Duration before() {
        return Duration.ofSeconds(beforeSeconds);
    }

    Duration recoverLimit() {
        return Duration.ofSeconds(recoverLimit);
    }

    /** Runs an attack on the index with its usual victims, a searcher and a heartbeating peer, and prints the report. */
    int runWithIndexVictims(CommandSpec spec, String kind, Function<ClientSettings, Attack> attack, int attackSeconds)
            throws Exception {
        try (Target target = target(); Victim victim = Victim.start(target.peer())) {
            AttackRun.Report report = AttackRun.run(kind, target.description(), attack.apply(target.peer()),
                    List.of(new AttackRun.VictimProbe("searches", Duration.ofMillis(200), victim::search),
                            new AttackRun.VictimProbe("heartbeats", Victim.BEAT, victim::beat)),
                    before(), Duration.ofSeconds(attackSeconds), recoverLimit(), spec.commandLine().getErr());
            print(spec.commandLine().getOut(), report);
            return 0;
        }
    }

    void print(PrintWriter out, AttackRun.Report report) throws Exception {
        out.println(json ? JSON.writeValueAsString(report) : report.table());
        out.flush();
    }
}
