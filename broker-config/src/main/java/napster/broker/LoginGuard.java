package napster.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerPluginSupport;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.command.ConnectionInfo;
import org.apache.activemq.transport.TransportServer;
import org.apache.activemq.transport.tcp.TcpTransportServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker plugin (activemq.xml) that keeps sockets which never log in from locking real clients
 * out. On every transport connector it counts connections still logging in apart from logged-in
 * ones: one that has not logged in within {@code loginTimeout} is closed; when
 * {@code maxPendingLogins} are logging in, a newcomer pushes out an idle one of them (see
 * {@link ConnectorLogins} for which, and for the wait when the broker is behind); at most
 * {@code maxConnections} may be logged in. The connector's socket limit becomes the sum of the
 * two, so idle sockets can never take the places of logged-in clients.
 *
 * <p>It hooks in when the broker starts, before the connectors accept anything: each
 * connector's transport server is wrapped so every accepted socket is counted first
 * ({@link GuardedServer}); a login is seen here, in {@link #addConnection}, which wraps the
 * authentication plugins listed before it.
 */
final class LoginGuard extends BrokerPluginSupport {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
    private static final long SWEEP_EVERY_MILLIS = 250;
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private long loginTimeout = 5_000;
    private int maxPendingLogins = 200;
    private int maxConnections = 1_000;
    private final List<ConnectorLogins> connectors = new ArrayList<>();
    private ScheduledExecutorService sweeper;
    private long lastSummary;

    /** Milliseconds a connection may take from its connect to its login. */
    public void setLoginTimeout(long millis) {
        this.loginTimeout = millis;
    }

    /** Connections per connector that may be logging in at once. */
    public void setMaxPendingLogins(int count) {
        this.maxPendingLogins = count;
    }

    /** Logged-in connections per connector. */
    public void setMaxConnections(int count) {
        this.maxConnections = count;
    }

    /** The guard's count of one connector of the broker (named in activemq.xml), or null without a guard. */
    static ConnectorLogins logins(BrokerService broker, String connector) {
        for (BrokerPlugin plugin : broker.getPlugins()) {
            if (plugin instanceof LoginGuard guard) {
                for (ConnectorLogins logins : guard.connectors) {
                    if (logins.connector().equals(connector)) {
                        return logins;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void start() throws Exception {
        LoginLimits limits = new LoginLimits(Duration.ofMillis(loginTimeout), maxPendingLogins, maxConnections);
        for (TransportConnector connector : getBrokerService().getTransportConnectors()) {
            ConnectorLogins logins = new ConnectorLogins(connector.getName(), limits, System::nanoTime);
            connector.setBrokerService(getBrokerService()); // the broker sets it too, later; binding needs it now
            TransportServer server = connector.getServer();
            if (server instanceof TcpTransportServer sockets) {
                sockets.setMaximumConnections(limits.maxSockets());
                // Accept on the accepting thread, so while the guard holds a newcomer, newer sockets wait
                // in the kernel's accept queue, not in the server's unbounded queue of accepted sockets.
                sockets.setUseQueueForAccept(false);
            }
            connector.setServer(new GuardedServer(server, logins));
            connectors.add(logins);
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "napster-login-deadline");
            thread.setDaemon(true);
            return thread;
        });
        lastSummary = System.nanoTime();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY_MILLIS, SWEEP_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        super.start();
    }

    @Override
    public void stop() throws Exception {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        super.stop();
    }

    /** A login: counted before the authentication plugins check it, uncounted again if they refuse it. */
    @Override
    public void addConnection(ConnectionContext context, ConnectionInfo info) throws Exception {
        LoginWatch watch = LoginWatch.of(context.getConnection());
        if (watch == null) {
            super.addConnection(context, info);
            return;
        }
        watch.logins().loggingIn(watch);
        try {
            super.addConnection(context, info);
        } catch (Exception e) {
            watch.logins().loginFailed(watch);
            throw e;
        }
    }

    private void sweep() {
        try {
            for (ConnectorLogins logins : connectors) {
                logins.closeOverdue();
            }
            if (System.nanoTime() - lastSummary >= SUMMARY_EVERY.toNanos()) {
                lastSummary = System.nanoTime();
                for (ConnectorLogins logins : connectors) {
                    String summary = logins.takeClosedSummary();
                    if (summary != null) {
                        LOG.warn(summary);
                    }
                }
            }
        } catch (RuntimeException e) {
            // a failed sweep must not end the schedule
            LOG.error("Closing connections that did not log in failed", e);
        }
    }
}
