package napster.peer.index;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RemoteErrorException;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Ack;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;

/** A peer's conversation with the indexer through the broker: register a share, search, leave. */
public final class IndexClient implements AutoCloseable {
    /** Files per register/update message, which keeps every message far below the broker's frame limit. */
    public static final int BATCH_SIZE = 1_000;

    private final Connection connection;
    private final RequestReplyClient requests;
    private final Duration timeout;
    private final String brokerUrl;

    private IndexClient(Connection connection, RequestReplyClient requests, Duration timeout, String brokerUrl) {
        this.connection = connection;
        this.requests = requests;
        this.timeout = timeout;
        this.brokerUrl = brokerUrl;
    }

    public static IndexClient connect(ClientSettings settings, String clientName, Duration timeout)
            throws BrokerUnavailableException {
        Connection connection = new BrokerConnector(settings).connect(clientName);
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
        List<CompletableFuture<Message>> replies = new ArrayList<>();
        // Every batch's reply queues behind the batches sent before it: allow 0.1 ms per file more.
        Duration wait = timeout.plusMillis(files.size() / 10);
        replies.add(requests.request(Destinations.REGISTER,
                new Register(peerKey, host, port, files.subList(0, Math.min(BATCH_SIZE, files.size()))),
                Delivery.PERSISTENT, wait));
        for (int from = BATCH_SIZE; from < files.size(); from += BATCH_SIZE) {
            List<SharedFile> batch = files.subList(from, Math.min(from + BATCH_SIZE, files.size()));
            replies.add(requests.request(Destinations.REGISTER, new Update(peerKey, batch, List.of()),
                    Delivery.PERSISTENT, wait));
        }
        Ack last = null;
        for (CompletableFuture<Message> reply : replies) {
            last = (Ack) await(reply, "register");
        }
        return last;
    }

    /** Leaves the index at once; waits briefly for the indexer's confirmation. */
    public void unregister(String peerKey) throws IndexException {
        await(requests.request(Destinations.REGISTER, new Unregister(peerKey), Delivery.PERSISTENT, timeout),
                "unregister");
    }

    public SearchResult search(Search search) throws IndexException {
        return (SearchResult) await(requests.request(Destinations.SEARCH, search, Delivery.NON_PERSISTENT, timeout),
                "search");
    }

    private Message await(CompletableFuture<Message> reply, String what) throws IndexException {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("Interrupted while waiting for the indexer.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new IndexException("The indexer did not answer the " + what + " request within "
                        + timeout.toSeconds() + " s; is an indexer running on " + brokerUrl + "?", cause);
            }
            if (cause instanceof RemoteErrorException remote) {
                throw new IndexException("The indexer refused the " + what + " request: " + remote.getMessage(), cause);
            }
            throw new IndexException("The " + what + " request failed: " + cause.getMessage(), cause);
        }
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
