package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of broker-config in a temporary folder, edited while the broker runs. */
class ConfigReloadIT {
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();

    @TempDir
    Path config;

    @TempDir
    Path data;

    @Test
    void usersFile_changedWhileRunning_newPasswordWorksWithoutRestart() throws Exception {
        for (String name : List.of("activemq.xml", "login.config", "users.properties", "groups.properties")) {
            Files.copy(CONFIG_DIR.resolve(name), config.resolve(name));
        }
        try (BrokerLauncher broker = BrokerLauncher.start(new BrokerSettings(config, "127.0.0.1", 0, 0, data))) {
            login(broker, "peer", "peer").close();

            Path users = config.resolve("users.properties");
            Files.writeString(users, "admin=admin\nindexer=indexer\npeer=changed\n");
            Files.setLastModifiedTime(users, FileTime.from(Instant.now().plusSeconds(10)));

            login(broker, "peer", "changed").close();
            assertThatThrownBy(() -> login(broker, "peer", "peer").close())
                    .isInstanceOf(BrokerUnavailableException.class);
        }
    }

    @Test
    void loginConfig_broken_failsWithOneSentence() throws IOException {
        for (String name : List.of("activemq.xml", "users.properties", "groups.properties")) {
            Files.copy(CONFIG_DIR.resolve(name), config.resolve(name));
        }
        Files.writeString(config.resolve("login.config"), "activemq { nonsense");

        assertThatThrownBy(() -> BrokerLauncher.start(new BrokerSettings(config, "127.0.0.1", 0, 0, data)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageStartingWith("Cannot read the login configuration " + config.resolve("login.config") + " (");
        assertThat(System.getProperty(BrokerLauncher.LOGIN_CONFIG)).isNotEqualTo(config.resolve("login.config").toString());
    }

    private static Connection login(BrokerLauncher broker, String user, String password) throws BrokerUnavailableException {
        return new BrokerConnector(new ClientSettings(broker.localOpenWireUrl(), user, password)).connect("it-reload");
    }
}
