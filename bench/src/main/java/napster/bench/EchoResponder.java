package napster.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import napster.common.jms.BrokerConnector;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;

/**
 * The baseline: a bare ActiveMQ request-reply on the same broker, set up as the indexer sets up
 * its queues (one connection, one auto-acknowledging session, replies non-persistent to
 * JMSReplyTo with the request's correlation id), answering every request at once with a fixed
 * reply of the size a search reply has. What the search costs beyond this is the index's work.
 */
final class EchoResponder implements AutoCloseable {
    static final String QUEUE = "bench.echo";

    private final Connection connection;

    private EchoResponder(Connection connection) {
        this.connection = connection;
    }

    static EchoResponder start(ClientSettings login, String replyBody) throws BrokerUnavailableException, JMSException {
        Connection connection = new BrokerConnector(login).connect("bench-echo");
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer replies = session.createProducer(null);
            session.createConsumer(session.createQueue(QUEUE)).setMessageListener(request -> {
                try {
                    TextMessage reply = session.createTextMessage(replyBody);
                    reply.setJMSType("searchResult");
                    reply.setJMSCorrelationID(request.getJMSCorrelationID());
                    replies.send(request.getJMSReplyTo(), reply, DeliveryMode.NON_PERSISTENT,
                            jakarta.jms.Message.DEFAULT_PRIORITY, 60_000);
                } catch (JMSException e) {
                    // the requester left; the benchmark notices its missing reply
                }
            });
            return new EchoResponder(connection);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
