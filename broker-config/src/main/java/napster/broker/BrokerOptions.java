package napster.broker;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code up} and {@code broker} share, read once into {@link BrokerSettings} and {@link ConsoleSettings}. */
final class BrokerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Off loopback only once the default passwords are changed.")
    String host;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "61616",
            description = "OpenWire (JMS) port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--stomp-port", paramLabel = "PORT", defaultValue = "61613",
            description = "STOMP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int stompPort;

    @Option(names = "--console-port", paramLabel = "PORT", defaultValue = "8161",
            description = "Web console port (http://HOST:PORT/admin), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int consolePort;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${sys:user.home}/.napster/data",
            description = "Folder for the broker's message store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "${sys:napster.home:-.}/broker-config",
            description = "Folder with activemq.xml, login.config, users.properties, groups.properties (default: ${DEFAULT-VALUE}).")
    Path configDir;

    /** The options as settings; an impossible combination is a usage error (exit 2). */
    BrokerSettings settings() {
        try {
            return new BrokerSettings(configDir, host, brokerPort, stompPort, dataDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The web console's settings: the broker's host, its own port; a clash of ports is a usage error. */
    ConsoleSettings consoleSettings() {
        try {
            if (consolePort != 0 && (consolePort == brokerPort || consolePort == stompPort)) {
                throw new IllegalArgumentException("The console port must differ from the broker and STOMP ports ("
                        + consolePort + " is given twice).");
            }
            return ConsoleSettings.of(host, consolePort, dataDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
