package napster.peer.index;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RemoteErrorException;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Browse;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A peer's conversation with the indexer through the broker: register a share, keep it live, search, leave. */
public final class IndexClient implements AutoCloseable {
    /** Files per register/update message, which keeps every message far below the broker's frame limit. */
    public static final int BATCH_SIZE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(IndexClient.class);

    private final Connection connection;
    private final RequestReplyClient requests;
    private final Duration timeout;
    private final String brokerUrl;
    private final JmsCodec codec;

    private IndexClient(Connection connection, RequestReplyClient requests, Duration timeout, String brokerUrl) {
        this.connection = connection;
        this.requests = requests;
        this.timeout = timeout;
        this.brokerUrl = brokerUrl;
        this.codec = new JmsCodec(ProtocolCodec.standard());
    }

    /** Connects for one command: a broker that is down fails at once. */
    public static IndexClient connect(ClientSettings settings, String clientName, Duration timeout)
            throws BrokerUnavailableException {
        return open(new BrokerConnector(settings).connect(clientName), settings, timeout);
    }

    /**
     * Connects for a long-running peer: through the failover transport, which reconnects after a
     * broker outage (restoring the reply queue and subscriptions); while disconnected a send
     * fails after {@code sendTimeout}. {@code listener} hears of interruptions and resumptions;
     * it runs on the transport thread, so it must not send.
     */
    public static IndexClient connectResilient(ClientSettings settings, String clientName, Duration timeout,
                                               Duration sendTimeout, TransportListener listener)
            throws BrokerUnavailableException {
        return open(new BrokerConnector(settings).connectResilient(clientName, sendTimeout, listener), settings,
                timeout);
    }

    private static IndexClient open(Connection connection, ClientSettings settings, Duration timeout)
            throws BrokerUnavailableException {
        try {
            RequestReplyClient requests = new RequestReplyClient(connection, new JmsCodec(ProtocolCodec.standard()));
            return new IndexClient(connection, requests, timeout, settings.brokerUrl());
        } catch (JMSException e) {
            closeQuietly(connection);
            throw new BrokerUnavailableException("The broker at " + settings.brokerUrl()
                    + " did not let this client set up its reply queue (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Announces a whole share: the first batch as a register (replacing anything indexed for
     * this key before), the rest as updates. All batches are sent before any reply is awaited,
     * so a large share costs about one round trip plus the indexer's work. Each batch expires
     * when its sender stops waiting, so a registration never outlives the peer that sent it.
     */
    public Ack register(String peerKey, String host, int port, List<SharedFile> files) throws IndexException {
        return register(peerKey, host, port, files, UploadCapacity.UNKNOWN);
    }

    /** As {@link #register(String, String, int, List)}, telling the indexer this peer's upload capacity. */
    public Ack register(String peerKey, String host, int port, List<SharedFile> files, UploadCapacity capacity)
            throws IndexException {
        // Every batch's reply queues behind the batches sent before it: allow 0.1 ms per file more.
        return await(registerAsync(peerKey, host, port, files, capacity, timeout.plusMillis(files.size() / 10)),
                "register");
    }

    /**
     * Sends a whole share as {@link #register} does, without waiting: the result completes with
     * the last batch's ack, or exceptionally with the first failure (a {@link RemoteErrorException}
     * for a refusal, a {@link java.util.concurrent.TimeoutException} when no indexer answered).
     * Each batch may wait in the broker for {@code timeToLive} (registrations are persistent: they
     * wait for an indexer that is not running yet), and the result waits as long.
     */
    public CompletableFuture<Ack> registerAsync(String peerKey, String host, int port, List<SharedFile> files,
                                                UploadCapacity capacity, Duration timeToLive) {
        List<CompletableFuture<Message>> replies = new ArrayList<>();
        replies.add(requests.request(Destinations.REGISTER,
                new Register(peerKey, host, port, files.subList(0, Math.min(BATCH_SIZE, files.size())),
                        capacity.slots(), capacity.freeSlots(), capacity.maxUploadRate()),
                Delivery.PERSISTENT, timeToLive));
        for (int from = BATCH_SIZE; from < files.size(); from += BATCH_SIZE) {
            List<SharedFile> batch = files.subList(from, Math.min(from + BATCH_SIZE, files.size()));
            replies.add(requests.request(Destinations.REGISTER, new Update(peerKey, batch, List.of()),
                    Delivery.PERSISTENT, timeToLive));
        }
        CompletableFuture<Message> last = replies.get(replies.size() - 1);
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenCompose(done -> last)
                .thenApply(Ack.class::cast);
    }

    /** Leaves the index at once; waits at most {@code wait} for the indexer's confirmation. */
    public void unregister(String peerKey, Duration wait) throws IndexException {
        await(requests.request(Destinations.REGISTER, new Unregister(peerKey), Delivery.PERSISTENT, wait),
                "unregister");
    }

    /**
     * Sends a share change as updates of at most {@link #BATCH_SIZE} files each (removals
     * first, so a changed file never shows both contents), then waits for every reply.
     */
    public void update(String peerKey, List<SharedFile> added, List<SharedFile> removed) throws IndexException {
        List<Update> updates = new ArrayList<>();
        for (int from = 0; from < removed.size(); from += BATCH_SIZE) {
            updates.add(new Update(peerKey, List.of(), removed.subList(from, Math.min(from + BATCH_SIZE, removed.size()))));
        }
        for (int from = 0; from < added.size(); from += BATCH_SIZE) {
            updates.add(new Update(peerKey, added.subList(from, Math.min(from + BATCH_SIZE, added.size())), List.of()));
        }
        Duration wait = timeout.plusMillis((added.size() + removed.size()) / 10);
        List<CompletableFuture<Message>> replies = new ArrayList<>();
        for (Update update : updates) {
            replies.add(requests.request(Destinations.REGISTER, update, Delivery.PERSISTENT, wait));
        }
        for (CompletableFuture<Message> reply : replies) {
            await(reply, "update");
        }
    }

    /**
     * Tells the indexer this peer is still there (non-persistent: a beat that cannot be
     * delivered at once is worthless). {@link UnknownPeerException} when the indexer has
     * forgotten the key and wants a fresh registration.
     */
    public Ack heartbeat(String peerKey, int intervalSeconds, Duration wait) throws IndexException {
        return heartbeat(peerKey, intervalSeconds, null, wait);
    }

    /** A heartbeat that also tells how many upload slots are free now (null: not said). */
    public Ack heartbeat(String peerKey, int intervalSeconds, Integer freeSlots, Duration wait) throws IndexException {
        CompletableFuture<Message> reply = requests.request(Destinations.REGISTER,
                new Heartbeat(peerKey, intervalSeconds, freeSlots), Delivery.NON_PERSISTENT, wait);
        try {
            return (Ack) await(reply, "heartbeat");
        } catch (IndexException e) {
            if (e.getCause() instanceof RemoteErrorException remote
                    && ErrorReply.UNKNOWN_PEER.equals(remote.reply().code())) {
                throw new UnknownPeerException(e.getMessage(), remote);
            }
            throw e;
        }
    }

    /** The registered peers, by ascending id. */
    public PeerList listPeers(ListPeers request) throws IndexException {
        return (PeerList) await(requests.request(Destinations.SEARCH, request, Delivery.NON_PERSISTENT, timeout),
                "peers");
    }

    /**
     * Subscribes to a topic ({@link Destinations#CONTROL}, {@link Destinations#EVENTS}); each
     * readable message goes to {@code listener}, unreadable ones are dropped. The listener runs
     * on the connection's delivery thread: hand blocking work (sends) to another thread.
     * Closing the result unsubscribes.
     */
    public AutoCloseable subscribe(String topic, Consumer<Message> listener) throws IndexException {
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
            consumer.setMessageListener(jms -> {
                try {
                    listener.accept(codec.fromJms(jms));
                } catch (JMSException | ProtocolException e) {
                    LOG.debug("Ignoring an unreadable message on {}: {}", topic, e.getMessage());
                }
            });
            return session::close;
        } catch (JMSException e) {
            throw new IndexException("Cannot subscribe to " + topic + " at " + brokerUrl + ": " + e.getMessage() + ".",
                    e);
        }
    }

    /** One page of a peer's files. */
    public BrowseResult browse(Browse browse) throws IndexException {
        return (BrowseResult) await(requests.request(Destinations.SEARCH, browse, Delivery.NON_PERSISTENT, timeout),
                "browse");
    }

    public SearchResult search(Search search) throws IndexException {
        return (SearchResult) await(requests.request(Destinations.SEARCH, search, Delivery.NON_PERSISTENT, timeout),
                "search");
    }

    private <T> T await(CompletableFuture<T> reply, String what) throws IndexException {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("Interrupted while waiting for the indexer.", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), what, timeout);
        }
    }

    /**
     * A failed request in one sentence: no answer within {@code waited}, the indexer's refusal,
     * or what else went wrong. For callers that wait on a {@link #registerAsync} result themselves.
     */
    public IndexException failure(Throwable cause, String what, Duration waited) {
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new IndexException("The indexer did not answer the " + what + " request within "
                    + waited.toSeconds() + " s; is an indexer running on " + brokerUrl + "?", cause);
        }
        if (cause instanceof RemoteErrorException remote) {
            return new IndexException("The indexer refused the " + what + " request: " + remote.getMessage(), cause);
        }
        return new IndexException("The " + what + " request failed: " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (JMSException ignored) {
            // the connection close below releases the same resources
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException ignored) {
            // closing after a lost broker fails; nothing is left to release
        }
    }
}
