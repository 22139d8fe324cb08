package napster.common.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.time.Duration;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.transport.TransportListener;

/** Opens started JMS connections to the broker with the client options napster relies on. */
public final class BrokerConnector {
    private final ClientSettings settings;

    public BrokerConnector(ClientSettings settings) {
        this.settings = settings;
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Connects and starts. Advisory watching is off (napster never reads temp-queue
     * advisories, and every temp queue would otherwise be announced to every client) and
     * sessions dispatch on the transport thread, which measured faster for request-reply.
     */
    public Connection connect(String clientName) throws BrokerUnavailableException {
        return connect(clientName, settings.brokerUrl(), null);
    }

    private Connection connect(String clientName, String url, TransportListener listener)
            throws BrokerUnavailableException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.user(), settings.password(), url);
        if (listener != null) {
            factory.setTransportListener(listener);
        }
        factory.setWatchTopicAdvisories(false);
        factory.setAlwaysSessionAsync(false);
        factory.setClientIDPrefix(clientName);
        factory.setConnectResponseTimeout(10_000);
        Connection connection = null;
        try {
            connection = factory.createConnection();
            connection.start();
            return connection;
        } catch (JMSSecurityException e) {
            closeQuietly(connection);
            throw new BrokerUnavailableException("The broker at " + settings.brokerUrl() + " refused the login of user '"
                    + settings.user() + "'.", e);
        } catch (JMSException | RuntimeException e) {
            closeQuietly(connection);
            throw new BrokerUnavailableException("Cannot reach the broker at " + settings.brokerUrl() + " ("
                    + rootMessage(e) + "); is it running? Start it with ./napster up.", e);
        }
    }

    /**
     * Connects for a long-running client (a sharing peer, the indexer): through ActiveMQ's
     * failover transport, which reconnects forever after the broker goes away and restores
     * sessions, consumers and temporary queues. The first connection must succeed at once
     * (a broker that is down at start is reported, not waited for), and while disconnected a
     * send fails after {@code sendTimeout} instead of blocking. {@code listener} hears about
     * interruptions and resumptions (e.g. to register again).
     */
    public Connection connectResilient(String clientName, Duration sendTimeout, TransportListener listener)
            throws BrokerUnavailableException {
        return connect(clientName, failoverUrl(settings.brokerUrl(), sendTimeout), listener);
    }

    /** Wraps a plain broker URL in failover; a URL that already names failover is kept as it is. */
    static String failoverUrl(String brokerUrl, Duration sendTimeout) {
        if (brokerUrl.startsWith("failover:")) {
            return brokerUrl;
        }
        return "failover:(" + brokerUrl + ")?timeout=" + sendTimeout.toMillis()
                + "&startupMaxReconnectAttempts=0&initialReconnectDelay=100&maxReconnectDelay=2000";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // the connection never worked; nothing to release
            }
        }
    }
}
