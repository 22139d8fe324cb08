package napster.indexer.jms;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the indexer's failover connections. When every connection that was interrupted
 * has resumed, the broker is back (perhaps restarted, with registrations lost): it calls
 * {@code onReconnected} once per outage. A connection whose failover transport gives up
 * (only when the broker URL itself limits reconnect attempts) is lost for good: it calls
 * {@code onLost} with one sentence.
 */
public final class ConnectionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    private final String brokerUrl;
    private final Runnable onReconnected;
    private final Consumer<String> onLost;
    private final Set<String> interrupted = new HashSet<>();
    private volatile boolean started;
    private volatile boolean closing;

    public ConnectionWatch(String brokerUrl, Runnable onReconnected, Consumer<String> onLost) {
        this.brokerUrl = brokerUrl;
        this.onReconnected = onReconnected;
        this.onLost = onLost;
    }

    /** Every connection is up; before this a failure is reported by the start that failed, not here. */
    public void started() {
        started = true;
    }

    /** From now on, failures are the indexer's own doing and are not reported. */
    public void closing() {
        closing = true;
    }

    /** A listener for the connection called {@code name}; the failover transport calls it on its own threads. */
    public TransportListener listenerFor(String name) {
        return new TransportListener() {
            @Override
            public void onCommand(Object command) {
            }

            @Override
            public void onException(IOException error) {
                if (started && !closing) {
                    String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
                    String sentence = "Lost the connection to the broker at " + brokerUrl + " (" + reason + ").";
                    LOG.error(sentence);
                    onLost.accept(sentence);
                }
            }

            @Override
            public void transportInterupted() {
                if (!closing) {
                    LOG.warn("The {} connection to the broker is interrupted; the failover transport retries", name);
                    synchronized (interrupted) {
                        interrupted.add(name);
                    }
                }
            }

            @Override
            public void transportResumed() {
                boolean allBack;
                synchronized (interrupted) {
                    // the first connect also "resumes": only a connection that was interrupted counts
                    allBack = interrupted.remove(name) && interrupted.isEmpty();
                }
                if (allBack && !closing) {
                    LOG.info("All connections to the broker resumed");
                    onReconnected.run();
                }
            }
        };
    }
}
