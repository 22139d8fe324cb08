package napster.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the broker reads its configuration, where it listens and where it keeps its data.
 * Port 0 picks a free port (tests); {@link BrokerLauncher} reports the one it bound.
 */
public record BrokerSettings(Path configDir, String host, int brokerPort, int stompPort, Path dataDir) {
    public BrokerSettings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host must not be blank.");
        }
        checkPort(brokerPort, "broker");
        checkPort(stompPort, "STOMP");
        if (brokerPort != 0 && brokerPort == stompPort) {
            throw new IllegalArgumentException("The broker and STOMP ports must differ (both are " + brokerPort + ").");
        }
    }

    /** The activemq.xml this broker is built from. */
    public Path brokerXml() {
        return configDir.resolve("activemq.xml");
    }

    /** The JAAS configuration; users.properties and groups.properties are resolved beside it. */
    public Path loginConfig() {
        return configDir.resolve("login.config");
    }

    public Path usersFile() {
        return configDir.resolve("users.properties");
    }

    public Path groupsFile() {
        return configDir.resolve("groups.properties");
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The " + what + " port must be between 0 and 65535, not " + port + ".");
        }
    }
}
