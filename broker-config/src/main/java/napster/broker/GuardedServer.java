package napster.broker;

import java.net.InetSocketAddress;
import java.net.URI;
import org.apache.activemq.command.BrokerInfo;
import org.apache.activemq.transport.Transport;
import org.apache.activemq.transport.TransportAcceptListener;
import org.apache.activemq.transport.TransportServer;

/**
 * A connector's transport server whose every accepted connection is first put under a
 * {@link LoginWatch} and counted by the connector's {@link ConnectorLogins}, on the accepting
 * thread, before the broker sees it. The accepting thread may wait there for room; one the
 * guard turns away (it closed it already) the broker never sees. Everything else is the wrapped server's.
 */
final class GuardedServer implements TransportServer {
    private final TransportServer server;
    private final ConnectorLogins logins;

    GuardedServer(TransportServer server, ConnectorLogins logins) {
        this.server = server;
        this.logins = logins;
    }

    @Override
    public void setAcceptListener(TransportAcceptListener broker) {
        server.setAcceptListener(new TransportAcceptListener() {
            @Override
            public void onAccept(Transport transport) {
                LoginWatch watch = new LoginWatch(transport, logins);
                if (logins.arrived(watch)) {
                    broker.onAccept(watch);
                }
            }

            @Override
            public void onAcceptError(Exception error) {
                broker.onAcceptError(error);
            }
        });
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    @Override
    public void stop() throws Exception {
        logins.stopping(); // a newcomer waiting for room would hold up the accepting thread, which stop joins
        server.stop();
    }

    @Override
    public void setBrokerInfo(BrokerInfo brokerInfo) {
        server.setBrokerInfo(brokerInfo);
    }

    @Override
    public URI getConnectURI() {
        return server.getConnectURI();
    }

    @Override
    public InetSocketAddress getSocketAddress() {
        return server.getSocketAddress();
    }

    @Override
    public boolean isSslServer() {
        return server.isSslServer();
    }

    @Override
    public boolean isAllowLinkStealing() {
        return server.isAllowLinkStealing();
    }

    @Override
    public long getMaxConnectionExceededCount() {
        return server.getMaxConnectionExceededCount();
    }

    @Override
    public void resetStatistics() {
        server.resetStatistics();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
