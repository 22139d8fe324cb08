package napster.broker;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.broker.Connection;
import org.apache.activemq.broker.TransportConnection;
import org.apache.activemq.transport.Transport;
import org.apache.activemq.transport.TransportFilter;
import org.apache.activemq.transport.TransportListener;
import org.apache.activemq.util.ServiceSupport;

/**
 * Sits on top of one accepted client transport, so the {@link ConnectorLogins} of its connector
 * hear when it logs in and when it ends, and can close it before it logs in.
 */
final class LoginWatch extends TransportFilter implements ConnectorLogins.Watched {
    /**
     * Ends a connection the guard closes. An EOFException, because ActiveMQ logs every other
     * transport failure as a warning, one line per socket: an attack would flood the log (the
     * guard logs a summary instead).
     */
    static final class ClosedByGuard extends EOFException {
        ClosedByGuard(String reason) {
            super(reason);
        }
    }

    private final ConnectorLogins logins;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String closedBecause;
    private volatile boolean started;
    private volatile long startedAt;

    LoginWatch(Transport next, ConnectorLogins logins) {
        super(next);
        this.logins = logins;
    }

    /** The watch on the transport of a broker connection, or null for a connection that came in elsewhere (vm://). */
    static LoginWatch of(Connection connection) {
        return connection instanceof TransportConnection transported
                && transported.getTransport() instanceof LoginWatch watch ? watch : null;
    }

    ConnectorLogins logins() {
        return logins;
    }

    /** A connection the guard closed before the broker started it must not start. */
    @Override
    public void start() throws Exception {
        if (closed.get()) {
            throw new ClosedByGuard(closedBecause);
        }
        startedAt = System.nanoTime();
        started = true;
        super.start();
        logins.started();
    }

    @Override
    public boolean started() {
        return started;
    }

    @Override
    public long startedAt() {
        return startedAt;
    }

    /** Bytes read from the socket, as the transport below counts them for its inactivity check. */
    @Override
    public boolean readFrom() {
        return getReceiveCounter() > 0;
    }

    /** Bytes the client sent that the broker has not read yet (a login it has only just started). */
    @Override
    public boolean hasUnreadBytes() {
        Socket socket = narrow(Socket.class);
        if (socket == null || socket.isClosed()) {
            return false;
        }
        try {
            return socket.getInputStream().available() > 0;
        } catch (IOException e) {
            return false; // closed under us: gone either way
        }
    }

    @Override
    public void stop() throws Exception {
        logins.gone(this);
        super.stop();
    }

    /**
     * Tells the broker's connection first, which then cleans up as after a hang-up and ignores
     * what the closed socket throws next (told second, it logged the reader's
     * ClosedChannelException as a warning, one line per socket). Then closes the socket at once,
     * so the connector's count of sockets drops before the next one is accepted.
     */
    @Override
    public void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closedBecause = reason;
        TransportListener listener = getTransportListener();
        if (listener != null) {
            listener.onException(new ClosedByGuard(reason));
        }
        ServiceSupport.dispose(next);
    }
}
