package napster.broker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupChecksTest {
    static final Path CONFIG_DIR = Paths.get("").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void run_missingConfigDir_namesTheFileAndTheOption() {
        Path missing = temp.resolve("nowhere");
        assertThatThrownBy(() -> StartupChecks.run(new BrokerSettings(missing, "127.0.0.1", 0, 0, temp)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("Cannot read the broker configuration file " + missing.resolve("activemq.xml")
                        + "; pass --config-dir to choose the folder with activemq.xml.");
    }

    @Test
    void run_everyInterfaceWithDefaultPasswords_isRefused() {
        assertThatThrownBy(() -> StartupChecks.run(new BrokerSettings(CONFIG_DIR, "0.0.0.0", 0, 0, temp)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessage("Refusing to listen on 0.0.0.0 while admin, indexer, peer still have the default password;"
                        + " change it in " + CONFIG_DIR.resolve("users.properties") + " first.");
    }

    @Test
    void run_everyInterfaceWithChangedPasswords_passes() throws IOException {
        Path config = copyOfConfig();
        Files.writeString(config.resolve("users.properties"), "admin=s3cret\nindexer=an0ther\npeer=th1rd\n");
        assertThatCode(() -> StartupChecks.run(new BrokerSettings(config, "0.0.0.0", 0, 0, temp.resolve("data"))))
                .doesNotThrowAnyException();
    }

    @Test
    void run_loopbackWithDefaultPasswords_passes() {
        assertThatCode(() -> StartupChecks.run(new BrokerSettings(CONFIG_DIR, "localhost", 0, 0, temp)))
                .doesNotThrowAnyException();
    }

    @Test
    void run_unknownHost_saysSo() {
        assertThatThrownBy(() -> StartupChecks.run(new BrokerSettings(CONFIG_DIR, "no-such-host.invalid", 0, 0, temp)))
                .hasMessage("Unknown host no-such-host.invalid; pass --host with an address of this machine.");
    }

    private Path copyOfConfig() throws IOException {
        Path config = Files.createDirectories(temp.resolve("config"));
        for (String name : List.of("activemq.xml", "login.config", "users.properties", "groups.properties")) {
            Files.copy(CONFIG_DIR.resolve(name), config.resolve(name));
        }
        return config;
    }
}
