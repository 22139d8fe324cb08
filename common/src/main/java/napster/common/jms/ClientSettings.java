package napster.common.jms;

import java.util.Map;
import java.util.Objects;

/** How a client reaches the broker: URL and login. Read once at the edge, passed inward. */
public record ClientSettings(String brokerUrl, String user, String password) {
    public static final String DEFAULT_BROKER_URL = "tcp://127.0.0.1:61616";
    public static final String ENV_BROKER = "NAPSTER_BROKER";
    public static final String ENV_USER = "NAPSTER_USER";
    public static final String ENV_PASSWORD = "NAPSTER_PASSWORD";

    public ClientSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Fills what the command line left out from the environment, then from the defaults:
     * the loopback broker and the account named {@code defaultUser} with its default password.
     */
    public static ClientSettings resolve(String brokerUrl, String user, String password,
                                         Map<String, String> env, String defaultUser) {
        String url = firstNonBlank(brokerUrl, env.get(ENV_BROKER), DEFAULT_BROKER_URL);
        String login = firstNonBlank(user, env.get(ENV_USER), defaultUser);
        String defaultPassword = login.equals(defaultUser) ? defaultUser : null;
        String secret = firstNonBlank(password, env.get(ENV_PASSWORD), defaultPassword);
        if (secret == null) {
            throw new IllegalArgumentException("A password is required for user '" + login
                    + "': pass --password or set " + ENV_PASSWORD + ".");
        }
        return new ClientSettings(url, login, secret);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
