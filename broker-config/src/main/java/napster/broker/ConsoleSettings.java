package napster.broker;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the web console listens, where its unpacked WAR lies and where it keeps its scratch
 * files (compiled JSPs; emptied at every start and stop). Port 0 picks a free port (tests);
 * {@link WebConsole} reports the one it bound.
 */
public record ConsoleSettings(String host, int port, Path webappDir, Path workDir) {
    /** The WAR as the build unpacks it, relative to the broker-config module folder. */
    static final Path UNPACKED_WAR = Path.of("target", "webconsole");

    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(webappDir, "webappDir");
        Objects.requireNonNull(workDir, "workDir");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host must not be blank.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The console port must be between 0 and 65535, not " + port + ".");
        }
    }

    /**
     * On {@code host:port}, serving the WAR the build unpacked ({@link #defaultWebappDir()}),
     * with its scratch files in {@code webconsole} below the broker's data folder: one fixed
     * place, so a killed console leaves nothing behind in the system's temporary folder.
     */
    public static ConsoleSettings of(String host, int port, Path dataDir) {
        return new ConsoleSettings(host, port, defaultWebappDir(), dataDir.resolve("webconsole").toAbsolutePath().normalize());
    }

    /**
     * {@code broker-config/target/webconsole} below {@code napster.home} (the launcher script
     * sets it); otherwise beside this module's classes or jar, which is the same folder when
     * the tests run in the module.
     */
    static Path defaultWebappDir() {
        String home = System.getProperty("napster.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "broker-config").resolve(UNPACKED_WAR).toAbsolutePath().normalize();
        }
        try {
            // target/classes or target/broker-config-<version>.jar: the unpacked WAR is target/webconsole
            Path code = Path.of(ConsoleSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = code.getParent().resolve(UNPACKED_WAR.getFileName());
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            // no code source (unusual class loader): fall back to the working folder
        }
        return UNPACKED_WAR.toAbsolutePath();
    }
}
