package napster.common.testing;

import java.net.URI;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;

/**
 * A real ActiveMQ broker for tests: in memory, OpenWire on 127.0.0.1 with an ephemeral port,
 * stamping JMSXUserID like the production config. Close it to stop it.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final BrokerService broker;
    private final TransportConnector connector;

    private EmbeddedBroker(BrokerService broker, TransportConnector connector) {
        this.broker = broker;
        this.connector = connector;
    }

    public static EmbeddedBroker start() throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("test-" + System.nanoTime());
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setAdvisorySupport(true);
        broker.setPopulateJMSXUserID(true);
        broker.setUseAuthenticatedPrincipalForJMSXUserID(true);
        TransportConnector connector = broker.addConnector("tcp://127.0.0.1:0");
        broker.start();
        broker.waitUntilStarted();
        return new EmbeddedBroker(broker, connector);
    }

    /** The OpenWire URL with the port the broker actually bound. */
    public String url() {
        try {
            URI uri = connector.getConnectUri();
            return "tcp://127.0.0.1:" + uri.getPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public BrokerService service() {
        return broker;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
