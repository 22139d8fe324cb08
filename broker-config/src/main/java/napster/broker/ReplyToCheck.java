package napster.broker;

import org.apache.activemq.broker.BrokerPluginSupport;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.broker.ProducerBrokerExchange;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.command.ActiveMQTempDestination;
import org.apache.activemq.command.Message;

/**
 * Broker plugin (activemq.xml): refuses a message whose JMSReplyTo is not a temporary
 * destination of the very connection that sends it. So nobody can make the indexer answer into
 * another client's queue or into a napster queue, and nobody can pose as another connection to
 * the indexer, which limits searches per connection named in the reply-to. STOMP
 * {@code /temp-queue/...} names are temporary queues of the STOMP connection, so they pass.
 * Network bridges (forwarding other brokers' clients) and the broker's own sends are exempt.
 */
final class ReplyToCheck extends BrokerPluginSupport {
    static final String REFUSAL = "The reply-to of a message must be a temporary queue or topic created by the"
            + " connection that sends it.";

    @Override
    public void send(ProducerBrokerExchange exchange, Message message) throws Exception {
        ActiveMQDestination replyTo = message.getReplyTo();
        if (replyTo != null && !exempt(exchange.getConnectionContext(), message)
                && !ownedBy(replyTo, exchange.getConnectionContext())) {
            throw new SecurityException(REFUSAL);
        }
        super.send(exchange, message);
    }

    private static boolean exempt(ConnectionContext context, Message message) {
        boolean forwarded = message.getBrokerPath() != null && message.getBrokerPath().length > 0;
        boolean broker = context.getSecurityContext() != null && context.getSecurityContext().isBrokerContext();
        return forwarded || broker || context.isNetworkConnection() || context.getConnectionId() == null;
    }

    /** A temporary destination's name starts with its connection's id; a composite one has none. */
    private static boolean ownedBy(ActiveMQDestination replyTo, ConnectionContext context) {
        return replyTo instanceof ActiveMQTempDestination temporary
                && context.getConnectionId().getValue().equals(temporary.getConnectionId());
    }
}
