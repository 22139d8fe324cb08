package napster.common.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.activemq.broker.BrokerFilter;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.command.ConnectionInfo;

/**
 * A real ActiveMQ broker for tests: in memory, OpenWire on 127.0.0.1 with an ephemeral port,
 * stamping JMSXUserID like the production config. By default it checks no passwords (any
 * user name is stamped as given); {@link Builder#users} makes it check logins, and
 * {@link Builder#stomp} adds a STOMP connector (the module then needs activemq-stomp on its
 * test classpath). Close it to stop it.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final BrokerService broker;
    private final TransportConnector connector;
    private final TransportConnector stompConnector;

    private EmbeddedBroker(BrokerService broker, TransportConnector connector, TransportConnector stompConnector) {
        this.broker = broker;
        this.connector = connector;
        this.stompConnector = stompConnector;
    }

    /** OpenWire only, no password checks. */
    public static EmbeddedBroker start() throws Exception {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The OpenWire URL with the port the broker actually bound. */
    public String url() {
        return "tcp://127.0.0.1:" + portOf(connector);
    }

    /** The port the STOMP connector bound on 127.0.0.1. */
    public int stompPort() {
        if (stompConnector == null) {
            throw new IllegalStateException("this broker was built without STOMP; use builder().stomp()");
        }
        return portOf(stompConnector);
    }

    public BrokerService service() {
        return broker;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    private static int portOf(TransportConnector connector) {
        try {
            URI uri = connector.getConnectUri();
            return uri.getPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the test broker offers beyond OpenWire without password checks. */
    public static final class Builder {
        private boolean stomp;
        private boolean capTimesToLive;
        private final Map<String, String> users = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a STOMP connector on 127.0.0.1 with an ephemeral port. */
        public Builder stomp() {
            stomp = true;
            return this;
        }

        /**
         * Caps times to live as napster's activemq.xml does: a message sent without an expiry gets
         * 60 s, none lives longer than 5 minutes (ActiveMQ's timeStampingBrokerPlugin).
         */
        public Builder capTimesToLive() {
            capTimesToLive = true;
            return this;
        }

        /** Accepts only these logins (user name to password); everyone logged in may do everything. */
        public Builder users(Map<String, String> logins) {
            users.putAll(logins);
            return this;
        }

        public EmbeddedBroker start() throws Exception {
            BrokerService broker = new BrokerService();
            broker.setBrokerName("test-" + System.nanoTime());
            broker.setPersistent(false);
            broker.setUseJmx(false);
            broker.setAdvisorySupport(true);
            broker.setPopulateJMSXUserID(true);
            broker.setUseAuthenticatedPrincipalForJMSXUserID(true);
            java.util.List<BrokerPlugin> plugins = new java.util.ArrayList<>();
            if (!users.isEmpty()) {
                plugins.add(this::checkingLogins);
            }
            if (capTimesToLive) {
                org.apache.activemq.broker.util.TimeStampingBrokerPlugin cap =
                        new org.apache.activemq.broker.util.TimeStampingBrokerPlugin();
                cap.setZeroExpirationOverride(60_000);
                cap.setTtlCeiling(300_000);
                plugins.add(cap);
            }
            broker.setPlugins(plugins.toArray(BrokerPlugin[]::new));
            TransportConnector connector = broker.addConnector("tcp://127.0.0.1:0");
            TransportConnector stompConnector = stomp ? broker.addConnector("stomp://127.0.0.1:0") : null;
            broker.start();
            broker.waitUntilStarted();
            return new EmbeddedBroker(broker, connector, stompConnector);
        }

        /*
         * Refuses unknown logins with the sentence the production JAAS plugin uses. (ActiveMQ's
         * SimpleAuthenticationPlugin would need activemq-jaas, which is not on the 6.2.7 line.)
         */
        private org.apache.activemq.broker.Broker checkingLogins(org.apache.activemq.broker.Broker next) {
            Map<String, String> logins = Map.copyOf(users);
            return new BrokerFilter(next) {
                @Override
                public void addConnection(ConnectionContext context, ConnectionInfo info) throws Exception {
                    String password = info.getUserName() == null ? null : logins.get(info.getUserName());
                    if (password == null || !Objects.equals(password, info.getPassword())) {
                        throw new SecurityException("User name [" + info.getUserName() + "] or password is invalid.");
                    }
                    super.addConnection(context, info);
                }
            };
        }
    }
}
