package napster.common.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.ActiveMQConnectionFactory;

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
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.user(), settings.password(),
                settings.brokerUrl());
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
