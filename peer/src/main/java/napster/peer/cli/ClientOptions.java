package napster.peer.cli;

import java.time.Duration;
import napster.common.jms.ClientSettings;
import picocli.CommandLine.Option;

/** The broker options every client command takes; flags win over the environment, which wins over defaults. */
public final class ClientOptions {
    @Option(names = "--broker", paramLabel = "URL",
            description = "Broker URL (default: $NAPSTER_BROKER or " + ClientSettings.DEFAULT_BROKER_URL + ").")
    String broker;

    @Option(names = "--user", description = "Broker login (default: $NAPSTER_USER or peer).")
    String user;

    @Option(names = "--password", description = "Broker password (default: $NAPSTER_PASSWORD, or peer for the peer login).")
    String password;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the indexer's answer (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    public ClientSettings settings() {
        return ClientSettings.resolve(broker, user, password, System.getenv(), "peer");
    }

    public Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second.");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
