package napster.indexer;

import napster.indexer.jms.ConnectionWatch;
import napster.indexer.jms.EventPublisher;
import napster.indexer.jms.QueueConsumer;
import napster.indexer.jms.RequestProcessor;
import napster.indexer.jms.SearchRateLimit;
import napster.indexer.service.IndexService;
import napster.indexer.service.IndexStats;
import napster.indexer.service.VisibleEvents;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.protocol.Browse;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import napster.indexer.index.FileIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's broker side: serves {@code napster.register} (in order, each reply once
 * searches see the change) and {@code napster.search} (searches, browse pages and peer
 * listings; one consumer, a worker per core), each on its own failover connection
 * so registrations never hold up searches, with one shared {@link IndexService}; publishes
 * index events and reannounce requests on a third.
 * Sweeps lapsed leases periodically. When it starts, and again when the broker comes back
 * after an outage, it asks every peer to register again. Close it to stop and disconnect.
 */
public final class Indexer implements AutoCloseable {
    /** The {@link napster.common.protocol.Reannounce} reason sent once the consumers are ready. */
    public static final String STARTED = "indexer started";
    /** The reason sent when all connections resumed after a broker outage. */
    public static final String RECONNECTED = "broker reconnected";
    /** While the broker is away, a reply or event fails after this long instead of blocking. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final ClientSettings settings;
    private final ScheduledExecutorService sweeper;
    private final boolean ownsSweeper;
    private final ConnectionWatch watch;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private final CompletableFuture<String> brokerLost = new CompletableFuture<>();
    private volatile EventPublisher publisher;
    private FileIndex index;
    private IndexService service;
    private ScheduledFuture<?> sweep;

    private Indexer(ClientSettings settings, ScheduledExecutorService sweeper, boolean ownsSweeper) {
        this.settings = settings;
        this.sweeper = sweeper;
        this.ownsSweeper = ownsSweeper;
        this.watch = new ConnectionWatch(settings.brokerUrl(), () -> reannounce(RECONNECTED), brokerLost::complete);
    }

    public static Indexer start(ClientSettings settings) throws BrokerUnavailableException, JMSException {
        return start(settings, IndexerSettings.defaults());
    }

    /** Connects and starts consuming; {@code clock} stamps when files were first shared and peers last seen. */
    public static Indexer start(ClientSettings settings, Clock clock) throws BrokerUnavailableException, JMSException {
        return start(settings, IndexerSettings.defaults().withClock(clock));
    }

    /** Connects and starts consuming, sweeping leases on a thread of its own. */
    public static Indexer start(ClientSettings settings, IndexerSettings options)
            throws BrokerUnavailableException, JMSException {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                task -> new Thread(task, "indexer-leases"));
        return start(settings, options, sweeper, true);
    }

    /** Connects and starts consuming, sweeping leases on {@code sweeper} (which the caller owns and shuts down). */
    public static Indexer start(ClientSettings settings, IndexerSettings options, ScheduledExecutorService sweeper)
            throws BrokerUnavailableException, JMSException {
        return start(settings, options, sweeper, false);
    }

    private static Indexer start(ClientSettings settings, IndexerSettings options, ScheduledExecutorService sweeper,
                                 boolean ownsSweeper) throws BrokerUnavailableException, JMSException {
        Indexer indexer = new Indexer(settings, sweeper, ownsSweeper);
        try {
            indexer.connect(options);
        } catch (IOException e) {
            indexer.closeQuietly();
            throw new UncheckedIOException("Could not open the index in " + options.indexFolder() + ": "
                    + e.getMessage(), e);
        } catch (BrokerUnavailableException | JMSException | RuntimeException e) {
            indexer.closeQuietly();
            throw e;
        }
        LOG.info("Indexer consuming {} and {} on {}", Destinations.REGISTER, Destinations.SEARCH, settings.brokerUrl());
        return indexer;
    }

    private void connect(IndexerSettings options) throws BrokerUnavailableException, JMSException, IOException {
        BrokerConnector connector = new BrokerConnector(settings);
        JmsCodec codec = new JmsCodec(ProtocolCodec.standard());
        publisher = EventPublisher.start(connector, SEND_TIMEOUT, watch.listenerFor("events"), codec);
        index = options.indexFolder() == null ? FileIndex.inMemory() : FileIndex.open(options.indexFolder());
        service = new IndexService(index, options.clock(), options.missedBeats(),
                new VisibleEvents(publisher, index::afterChangesVisible), options.budget());
        RequestProcessor registrations = new RequestProcessor(Destinations.REGISTER,
                Set.of(Register.class, Update.class, Heartbeat.class, Unregister.class), service, codec, null,
                options.clock());
        consumers.add(QueueConsumer.inOrder(connector, SEND_TIMEOUT, watch.listenerFor(Destinations.REGISTER),
                Destinations.REGISTER, registrations, codec, index::afterChangesVisible));
        RequestProcessor searches = new RequestProcessor(Destinations.SEARCH,
                Set.of(Search.class, Browse.class, ListPeers.class), service, codec,
                SearchRateLimit.perSecond(options.searchRate()), options.clock());
        consumers.add(QueueConsumer.inParallel(connector, SEND_TIMEOUT, watch.listenerFor(Destinations.SEARCH),
                Destinations.SEARCH, options.searchWorkers(), searches, codec));
        long every = options.sweepEvery().toMillis();
        sweep = sweeper.scheduleWithFixedDelay(this::sweepLeases, every, every, TimeUnit.MILLISECONDS);
        watch.started();
        // the consumers are ready: peers that were running before this indexer can register again
        publisher.reannounce(STARTED);
    }

    private void sweepLeases() {
        try {
            service.expire();
        } catch (RuntimeException e) {
            // a failed sweep must not end the schedule
            LOG.error("Sweeping lapsed leases failed", e);
        }
    }

    private void reannounce(String reason) {
        EventPublisher events = publisher;
        if (events != null) {
            LOG.info("Asking peers to register again ({})", reason);
            events.reannounce(reason);
        }
    }

    public IndexService service() {
        return service;
    }

    public IndexStats stats() {
        return service.stats();
    }

    public String brokerUrl() {
        return settings.brokerUrl();
    }

    /**
     * Completes, with one sentence for a person, when a connection to the broker fails for
     * good. The failover transport retries forever unless the broker URL is itself a
     * failover URL that limits reconnect attempts ({@code maxReconnectAttempts}), so with a
     * plain URL this never completes: the indexer rides out broker restarts.
     */
    public CompletableFuture<String> brokerLost() {
        return brokerLost;
    }

    /** Stops sweeping, stops both consumers (each waits for a message in progress), flushes events, disconnects. */
    @Override
    public void close() throws JMSException {
        watch.closing();
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (ownsSweeper) {
            sweeper.shutdown();
            try {
                sweeper.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JMSException failure = null;
        for (QueueConsumer consumer : consumers) {
            try {
                consumer.close();
            } catch (JMSException e) {
                failure = e;
            }
        }
        if (index != null) {
            index.close(); // the last replies and events go to the publisher first
        }
        if (publisher != null) {
            try {
                publisher.close();
            } catch (JMSException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("Closing a half-started indexer: {}", e.getMessage());
        }
    }
}
