package napster.bench;

import picocli.CommandLine.Option;

/**
 * Which broker a benchmark talks to: by default a fresh in-process one started from
 * broker-config/activemq.xml on free loopback ports, or an external one ({@code --broker};
 * start it with {@code ./napster broker}, not {@code up}, so the benchmark's own indexer is
 * the only one). The default passwords equal the user names, as in broker-config.
 */
final class BrokerOptions {
    @Option(names = "--broker", paramLabel = "URL",
            description = "Use the broker at URL instead of starting one in this process.")
    String brokerUrl;

    @Option(names = "--admin-password", paramLabel = "PASSWORD", defaultValue = "admin",
            description = "Password of user admin (bench search runs its echo baseline as admin).")
    String adminPassword;

    @Option(names = "--indexer-password", paramLabel = "PASSWORD", defaultValue = "indexer",
            description = "Password of user indexer (the benchmark's own indexer).")
    String indexerPassword;

    @Option(names = "--peer-password", paramLabel = "PASSWORD", defaultValue = "peer",
            description = "Password of user peer (the searching and registering clients).")
    String peerPassword;
}
