package napster.broker;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import napster.common.jms.Destinations;

/** Stands in for the indexer: answers every request on {@code napster.search} with its own body, on its reply-to. */
final class EchoResponder implements AutoCloseable {
    private final Connection connection;

    private EchoResponder(Connection connection) {
        this.connection = connection;
    }

    static EchoResponder start(RealBroker broker) throws Exception {
        Connection connection = broker.login("indexer");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replies = session.createProducer(null);
        session.createConsumer(session.createQueue(Destinations.SEARCH)).setMessageListener(request -> {
            try {
                TextMessage reply = session.createTextMessage(((TextMessage) request).getText());
                reply.setJMSCorrelationID(request.getJMSCorrelationID());
                // non-persistent, as the indexer replies: an asynchronous send. A persistent one would wait for
                // the broker's receipt on this very thread, which is the one that must read that receipt.
                replies.send(request.getJMSReplyTo(), reply, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY,
                        10_000);
            } catch (JMSException | RuntimeException e) {
                // the requester left; the test that sent it sees no reply
            }
        });
        return new EchoResponder(connection);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
