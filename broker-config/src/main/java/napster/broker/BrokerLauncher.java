package napster.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.security.auth.login.Configuration;
import org.apache.activemq.broker.BrokerFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

/**
 * Runs the real ActiveMQ broker described by {@code activemq.xml} in this JVM: sets the
 * placeholders the file reads, starts it, and reports the addresses it bound. Close to stop it.
 */
public final class BrokerLauncher implements AutoCloseable {
    /** System properties activemq.xml reads. */
    static final String HOST = "napster.host";
    static final String BROKER_PORT = "napster.brokerPort";
    static final String STOMP_PORT = "napster.stompPort";
    static final String DATA = "napster.data";
    static final String LOGIN_CONFIG = "java.security.auth.login.config";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLauncher.class);

    private final BrokerSettings settings;
    private final BrokerService broker;
    private final URI openWireUri;
    private final URI stompUri;
    private final Duration startupTime;

    private BrokerLauncher(BrokerSettings settings, BrokerService broker, URI openWireUri, URI stompUri,
                           Duration startupTime) {
        this.settings = settings;
        this.broker = broker;
        this.openWireUri = openWireUri;
        this.stompUri = stompUri;
        this.startupTime = startupTime;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @throws BrokerStartException with one sentence saying what to change (port taken, data
     *         folder in use, unreadable or invalid configuration, default passwords off loopback)
     */
    public static BrokerLauncher start(BrokerSettings settings) throws BrokerStartException {
        long began = System.nanoTime();
        BrokerSettings absolute = new BrokerSettings(settings.configDir().toAbsolutePath().normalize(),
                settings.host(), settings.brokerPort(), settings.stompPort(),
                settings.dataDir().toAbsolutePath().normalize());
        StartupChecks.run(absolute);
        Map<String, String> previous = configure(absolute);
        BrokerService broker = null;
        try {
            BrokerFactory.setStartDefault(false); // start below, after turning off ActiveMQ's own shutdown hook
            broker = BrokerFactory.createBroker(new URI("xbean:" + absolute.brokerXml().toUri()));
            broker.setUseShutdownHook(false);
            broker.start();
            if (!broker.waitUntilStarted()) {
                throw new IllegalStateException("the broker stopped while starting");
            }
            BrokerLauncher launcher = new BrokerLauncher(absolute, broker,
                    boundUri(broker, "openwire", "tcp", absolute.host()),
                    boundUri(broker, "stomp", "stomp", absolute.host()),
                    Duration.ofNanos(System.nanoTime() - began));
            LOG.info("Broker started in {} ms", launcher.startupTime.toMillis());
            return launcher;
        } catch (BrokerStartException e) {
            stopQuietly(broker);
            restore(previous);
            throw e;
        } catch (Exception e) {
            stopQuietly(broker);
            restore(previous);
            throw explain(e, absolute);
        } finally {
            BrokerFactory.resetStartDefault();
        }
    }

    /** The running broker, for tests in this package that look at its plugins. */
    BrokerService brokerService() {
        return broker;
    }

    /** Where the broker listens for OpenWire (JMS) clients, with the port it actually bound. */
    public URI openWireUri() {
        return openWireUri;
    }

    /** Where the broker listens for STOMP clients, with the port it actually bound. */
    public URI stompUri() {
        return stompUri;
    }

    /** The OpenWire URL a client on this machine connects to (loopback when listening on every interface). */
    public String localOpenWireUrl() {
        return local(openWireUri).toString();
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** From the call to {@link #start} until the broker accepted connections. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    /**
     * Sets what activemq.xml and the JAAS login module read and makes JAAS re-read login.config.
     * These are JVM-wide: one broker per JVM. Returns the previous values for {@link #restore}.
     */
    private static Map<String, String> configure(BrokerSettings settings) throws BrokerStartException {
        Map<String, String> previous = new HashMap<>();
        for (String key : List.of(HOST, BROKER_PORT, STOMP_PORT, DATA, LOGIN_CONFIG)) {
            previous.put(key, System.getProperty(key));
        }
        System.setProperty(HOST, uriHost(settings.host()));
        System.setProperty(BROKER_PORT, Integer.toString(settings.brokerPort()));
        System.setProperty(STOMP_PORT, Integer.toString(settings.stompPort()));
        System.setProperty(DATA, settings.dataDir().toString());
        System.setProperty(LOGIN_CONFIG, settings.loginConfig().toString());
        try {
            Configuration.getConfiguration().refresh();
        } catch (SecurityException e) {
            restore(previous);
            throw new BrokerStartException("Cannot read the login configuration " + settings.loginConfig() + " ("
                    + firstLine(e.getMessage()) + ").", e);
        }
        return previous;
    }

    /** After a failed start: leaves a broker already running in this JVM with its own login configuration. */
    private static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (previous.get(LOGIN_CONFIG) != null) {
            try {
                Configuration.getConfiguration().refresh();
            } catch (SecurityException e) {
                LOG.warn("Could not re-read the previous login configuration: {}", e.getMessage());
            }
        }
    }

    private static URI boundUri(BrokerService broker, String name, String scheme, String host) throws Exception {
        TransportConnector connector = broker.getTransportConnectorByName(name);
        if (connector == null) {
            connector = broker.getTransportConnectorByScheme(scheme);
        }
        if (connector == null) {
            throw new BrokerStartException("The broker configuration has no transportConnector named '" + name
                    + "'; restore it in activemq.xml.");
        }
        InetSocketAddress bound = connector.getServer().getSocketAddress();
        return new URI(scheme, null, host, bound.getPort(), null, null, null);
    }

    private static URI local(URI uri) {
        try {
            if (!InetAddress.getByName(uri.getHost()).isAnyLocalAddress()) {
                return uri;
            }
            return new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), null, null, null);
        } catch (IOException | URISyntaxException e) {
            return uri;
        }
    }

    /** Turns a failed start into one sentence: which port or folder is taken, or what is wrong with the file. */
    private static BrokerStartException explain(Exception failure, BrokerSettings settings) {
        String root = rootMessage(failure);
        try {
            InetAddress address = InetAddress.getByName(settings.host());
            if (StartupChecks.portTaken(address, settings.brokerPort())) {
                return new BrokerStartException(StartupChecks.portInUse(settings.host(), settings.brokerPort(),
                        "--broker-port"), failure);
            }
            if (StartupChecks.portTaken(address, settings.stompPort())) {
                return new BrokerStartException(StartupChecks.portInUse(settings.host(), settings.stompPort(),
                        "--stomp-port"), failure);
            }
        } catch (IOException ignored) {
            // the host resolved before the start; fall through to the general message
        }
        if (root.contains("could not be locked")) {
            return new BrokerStartException(StartupChecks.dataDirInUse(settings.dataDir()), failure);
        }
        InstanceAlreadyExistsException sameName = find(failure, InstanceAlreadyExistsException.class);
        if (sameName != null) {
            return new BrokerStartException("A broker with the same name already runs in this JVM ("
                    + firstLine(sameName.getMessage()) + "); stop it first.", failure);
        }
        SAXParseException xmlError = find(failure, SAXParseException.class);
        if (xmlError != null) {
            return new BrokerStartException("The broker configuration " + settings.brokerXml() + " is invalid at line "
                    + xmlError.getLineNumber() + " (" + firstLine(xmlError.getMessage()) + ").", failure);
        }
        return new BrokerStartException("Cannot start the broker from " + settings.brokerXml() + " ("
                + firstLine(root) + ").", failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        String message = failure.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null) {
                message = root.getMessage();
            }
        }
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** activemq.xml builds URIs as scheme://${napster.host}:port, so an IPv6 literal needs brackets. */
    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void stopQuietly(BrokerService broker) {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            LOG.warn("Could not stop the broker after a failed start: {}", e.toString());
        }
    }
}
