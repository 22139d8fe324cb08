package napster.broker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The broker's accounts as written in users.properties ({@code name=password}): read to refuse
 * default passwords off loopback and to log the in-JVM indexer of {@code up} in.
 */
final class BrokerUsers {
    private final Path file;
    private final Properties users;

    private BrokerUsers(Path file, Properties users) {
        this.file = file;
        this.users = users;
    }

    static BrokerUsers read(Path file) throws BrokerStartException {
        Properties users = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            users.load(reader); // the JAAS login module reads it with Properties.load(InputStream) too
        } catch (IOException | IllegalArgumentException e) {
            throw new BrokerStartException("Cannot read the broker users file " + file + " (" + e.getMessage() + ").", e);
        }
        return new BrokerUsers(file, users);
    }

    Path file() {
        return file;
    }

    /** Users whose password still equals their name, as shipped; sorted. */
    List<String> withDefaultPassword() {
        return users.stringPropertyNames().stream()
                .filter(name -> name.equals(users.getProperty(name)))
                .sorted()
                .toList();
    }

    Optional<String> password(String user) {
        return Optional.ofNullable(users.getProperty(user));
    }
}
