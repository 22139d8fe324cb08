package napster.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench attack index}: see {@link IndexFillAttack}. Needs an indexer in a JVM of its own. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Fills the index from a few free peer keys until the indexer refuses or stops answering."
                + " Needs --broker: run the indexer in its own JVM (e.g. NAPSTER_JAVA_OPTS=-Xmx400m ./napster indexer).")
final class IndexFillBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AttackOptions options;

    @Option(names = "--files", defaultValue = "2000000", description = "Files offered in all (default: ${DEFAULT-VALUE}).")
    long files;

    @Option(names = "--keys", defaultValue = "2", description = "Peer keys they are spread over (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--name-length", defaultValue = "100", description = "Length of their names (default: ${DEFAULT-VALUE}).")
    int nameLength;

    @Option(names = "--attack-seconds", paramLabel = "S", defaultValue = "300",
            description = "The longest the filling may take (default: ${DEFAULT-VALUE}).")
    int attackSeconds;

    @Override
    public Integer call() throws Exception {
        if (options.brokerUrl == null) {
            throw new ParameterException(spec.commandLine(), "bench attack index needs --broker: an indexer that runs"
                    + " out of memory must not take this process with it.");
        }
        return options.runWithIndexVictims(spec, "index", peer -> new IndexFillAttack(peer, files, keys, nameLength),
                attackSeconds);
    }
}
