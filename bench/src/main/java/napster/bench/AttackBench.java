package napster.bench;

import picocli.CommandLine.Command;

/**
 * {@code bench attack}: what one hostile client holding the shared {@code peer} login costs
 * everyone else. Each kind runs victims (a searcher, a heartbeating peer, or clients that
 * connect and log in) before, during and after the attack and reports what they got and how
 * long they took to recover. Loopback only; every count and duration is bounded.
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "What a hostile client costs the others: searches answered during an attack, time to recover.",
        subcommands = {AmplificationBench.class, FloodBench.class, IndexFillBench.class})
final class AttackBench {
}
