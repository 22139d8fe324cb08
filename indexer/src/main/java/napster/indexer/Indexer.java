package napster.indexer;

import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's broker side: serves {@code napster.register} and {@code napster.search},
 * each on its own connection so registrations never hold up searches, with one shared
 * {@link IndexService}. Close it to stop consuming and disconnect.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final ClientSettings settings;
    private final IndexService service;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private final CompletableFuture<String> brokerLost = new CompletableFuture<>();

    private Indexer(ClientSettings settings, IndexService service) {
        this.settings = settings;
        this.service = service;
    }

    public static Indexer start(ClientSettings settings) throws BrokerUnavailableException, JMSException {
        return start(settings, Clock.systemUTC());
    }

    /** Connects and starts consuming; {@code clock} stamps when files were first shared. */
    public static Indexer start(ClientSettings settings, Clock clock) throws BrokerUnavailableException, JMSException {
        Indexer indexer = new Indexer(settings, new IndexService(new FileIndex(), clock));
        try {
            indexer.consume(Destinations.REGISTER, Set.of(Register.class, Update.class, Unregister.class));
            indexer.consume(Destinations.SEARCH, Set.of(Search.class));
        } catch (BrokerUnavailableException | JMSException | RuntimeException e) {
            indexer.close();
            throw e;
        }
        LOG.info("Indexer consuming {} and {} on {}", Destinations.REGISTER, Destinations.SEARCH, settings.brokerUrl());
        return indexer;
    }

    public IndexService service() {
        return service;
    }

    public IndexStats stats() {
        return service.index().stats();
    }

    public String brokerUrl() {
        return settings.brokerUrl();
    }

    /**
     * Completes, with one sentence for a person, when a connection to the broker fails for
     * good (a failover URL retries first); the indexer is useless from then on.
     */
    public CompletableFuture<String> brokerLost() {
        return brokerLost;
    }

    private void consume(String queue, Set<Class<? extends Message>> accepted)
            throws BrokerUnavailableException, JMSException {
        JmsCodec codec = new JmsCodec(ProtocolCodec.standard());
        consumers.add(QueueConsumer.start(new BrokerConnector(settings), queue, accepted, service, codec,
                brokerLost::complete));
    }

    /** Stops both consumers (each waits for a message in progress) and disconnects. */
    @Override
    public void close() throws JMSException {
        JMSException failure = null;
        for (QueueConsumer consumer : consumers) {
            try {
                consumer.close();
            } catch (JMSException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
