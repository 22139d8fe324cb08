package napster.broker;

import org.apache.activemq.broker.ProducerBrokerExchange;
import org.apache.activemq.broker.util.TimeStampingBrokerPlugin;
import org.apache.activemq.command.Message;

/**
 * Broker plugin (activemq.xml): ActiveMQ's timeStampingBrokerPlugin, which gives a message
 * without an expiry {@code zeroExpirationOverride} and caps every time to live at
 * {@code ttlCeiling}, measured from when the broker receives the message. The stock plugin
 * leaves alone a message that comes without a timestamp (a STOMP {@code timestamp:0} header, a
 * JMS producer with timestamps disabled), which would then never expire; such a message gets
 * the broker's time first, so the caps hold for every message.
 */
final class TimeToLiveCap extends TimeStampingBrokerPlugin {
    @Override
    public void send(ProducerBrokerExchange exchange, Message message) throws Exception {
        if (message.getTimestamp() <= 0) {
            message.setTimestamp(System.currentTimeMillis());
        }
        super.send(exchange, message);
    }
}
