package napster.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench attack flood}: see {@link FloodAttack}. */
@Command(name = "flood", mixinStandardHelpOptions = true,
        description = "Idle TCP connections that never log in, on the OpenWire and STOMP ports, re-opened as closed.")
final class FloodBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AttackOptions options;

    @Option(names = "--connections", defaultValue = "1000",
            description = "Idle connections held open per port (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--stomp-port", paramLabel = "PORT",
            description = "The STOMP port of an external broker (default with --broker: none, OpenWire only).")
    Integer stompPort;

    @Option(names = "--attack-seconds", paramLabel = "S", defaultValue = "20",
            description = "How long the flood lasts (default: ${DEFAULT-VALUE}).")
    int attackSeconds;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || connections > 10_000) {
            throw new ParameterException(spec.commandLine(), "--connections must be between 1 and 10000.");
        }
        try (AttackOptions.Target target = options.target(); Victim victim = Victim.start(target.peer())) {
            List<InetSocketAddress> ports = new ArrayList<>(List.of(target.openWire()));
            List<AttackRun.VictimProbe> probes = new ArrayList<>(List.of(
                    new AttackRun.VictimProbe("connects", Duration.ofMillis(500), victim::connectAndSearch)));
            InetSocketAddress stomp = target.inProcess() != null ? target.inProcess().stompAddress()
                    : stompPort == null ? null : new InetSocketAddress(target.openWire().getHostString(), stompPort);
            if (stomp != null) {
                ports.add(stomp);
                probes.add(new AttackRun.VictimProbe("stompLogins", Duration.ofMillis(500), () -> {
                    StompLogin.loginAndLeave(stomp, "peer", options.peerPassword, Victim.TIMEOUT);
                    return true;
                }));
            }
            AttackRun.Report report = AttackRun.run("flood", target.description(), new FloodAttack(ports, connections),
                    probes, options.before(), Duration.ofSeconds(attackSeconds), options.recoverLimit(),
                    spec.commandLine().getErr());
            options.print(spec.commandLine().getOut(), report);
            return 0;
        }
    }
}
