package napster.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench attack amplification}: see {@link AmplificationAttack}. */
@Command(name = "amplification", mixinStandardHelpOptions = true,
        description = "Searches whose large answers go to a queue the attacker never reads.")
final class AmplificationBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AttackOptions options;

    @Option(names = "--files", defaultValue = "5000", description = "Files the attacker shares (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--name-length", defaultValue = "200", description = "Length of their names (default: ${DEFAULT-VALUE}).")
    int nameLength;

    @Option(names = "--searches", defaultValue = "8000", description = "Searches sent at most (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--limit", defaultValue = "1000", description = "Results each search asks for (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--attack-seconds", paramLabel = "S", defaultValue = "20",
            description = "How long the attacker keeps its unread queue (default: ${DEFAULT-VALUE}).")
    int attackSeconds;

    @Override
    public Integer call() throws Exception {
        return options.runWithIndexVictims(spec, "amplification",
                peer -> new AmplificationAttack(peer, files, nameLength, searches, limit), attackSeconds);
    }
}
