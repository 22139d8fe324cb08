package napster.indexer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Delivery;
import napster.common.jms.Destinations;
import napster.common.jms.JmsCodec;
import napster.common.jms.RequestReplyClient;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Message;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;

/** A peer's side of the broker as the peer module uses it: its own login and one request-reply client. */
final class TestPeer implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;
    private final RequestReplyClient client;

    private TestPeer(Connection connection, RequestReplyClient client) {
        this.connection = connection;
        this.client = client;
    }

    /** Connects as {@code user}: the test broker authenticates nobody but stamps this name as JMSXUserID. */
    static TestPeer connect(String brokerUrl, String user) throws BrokerUnavailableException, JMSException {
        Connection connection = new BrokerConnector(new ClientSettings(brokerUrl, user, user)).connect("peer-" + user);
        return new TestPeer(connection, new RequestReplyClient(connection, new JmsCodec(ProtocolCodec.standard())));
    }

    /** Sends on the register queue, persistent as peers send registrations. */
    CompletableFuture<Message> registerAsync(Message message) {
        return client.request(Destinations.REGISTER, message, Delivery.PERSISTENT, TIMEOUT);
    }

    Message register(Message message) throws Exception {
        return await(registerAsync(message));
    }

    /** Any request, without waiting for its reply. */
    CompletableFuture<Message> request(String queue, Message message, Delivery delivery) {
        return client.request(queue, message, delivery, TIMEOUT);
    }

    /** Sends a heartbeat on the register queue, non-persistent as peers send them. */
    Message heartbeat(Heartbeat heartbeat) throws Exception {
        return await(client.request(Destinations.REGISTER, heartbeat, Delivery.NON_PERSISTENT, TIMEOUT));
    }

    PeerList peers(ListPeers request) throws Exception {
        return (PeerList) await(client.request(Destinations.SEARCH, request, Delivery.NON_PERSISTENT, TIMEOUT));
    }

    SearchResult search(Search search) throws Exception {
        return (SearchResult) await(client.request(Destinations.SEARCH, search, Delivery.NON_PERSISTENT, TIMEOUT));
    }

    /** The reply, or the cause of failure (e.g. a RemoteErrorException) unwrapped. */
    static Message await(CompletableFuture<Message> reply) throws Exception {
        try {
            return reply.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new AssertionError("no reply within " + TIMEOUT, e);
        }
    }

    @Override
    public void close() throws JMSException {
        try {
            client.close();
        } finally {
            connection.close();
        }
    }
}
