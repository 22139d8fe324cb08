package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import java.nio.file.Path;
import java.nio.file.Paths;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker stopped and started again in the same JVM. Its own class: with JMX on, two brokers
 * named as in activemq.xml cannot run in one JVM at once (their MBean names clash).
 */
class BrokerRestartIT {
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();

    @Test
    void secondStart_afterClose_reusesDataAndStartsAgain(@TempDir Path data) throws Exception {
        BrokerSettings settings = new BrokerSettings(CONFIG_DIR, "127.0.0.1", 0, 0, data);
        try (BrokerLauncher first = BrokerLauncher.start(settings)) {
            assertThat(first.openWireUri().getPort()).isPositive();
        }
        try (BrokerLauncher second = BrokerLauncher.start(settings)) {
            System.out.println("Broker start-up time: " + second.startupTime().toMillis() + " ms (warm JVM, existing data)");
            try (Connection peer = new BrokerConnector(new ClientSettings(second.localOpenWireUrl(), "peer", "peer"))
                    .connect("it-restart")) {
                assertThat(peer).isNotNull();
            }
        }
    }
}
