package napster.broker;

import jakarta.jms.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real broker-config (activemq.xml, users, groups) on ephemeral loopback ports for one test
 * class: {@code @RegisterExtension static final RealBroker broker = new RealBroker();}.
 */
public final class RealBroker implements BeforeAllCallback, AfterAllCallback {
    private Path data;
    private BrokerLauncher launcher;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("napster-broker-it");
        launcher = BrokerLauncher.start(new BrokerSettings(BrokerLauncherIT.CONFIG_DIR, "127.0.0.1", 0, 0, data));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        deleteQuietly(data);
    }

    public BrokerLauncher launcher() {
        return launcher;
    }

    public int openWirePort() {
        return launcher.openWireUri().getPort();
    }

    public int stompPort() {
        return launcher.stompUri().getPort();
    }

    /** The login guard's count of one connector ("openwire" or "stomp"). */
    ConnectorLogins logins(String connector) {
        return LoginGuard.logins(launcher.brokerService(), connector);
    }

    /** A started JMS connection logged in as {@code user}, whose password is its name (the default users). */
    public Connection login(String user) throws BrokerUnavailableException {
        return new BrokerConnector(new ClientSettings(launcher.localOpenWireUrl(), user, user)).connect("it-" + user);
    }

    private static void deleteQuietly(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
