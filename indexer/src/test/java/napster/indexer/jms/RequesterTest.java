package napster.indexer.jms;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.command.ActiveMQTempQueue;
import org.apache.activemq.command.ActiveMQTextMessage;
import org.apache.activemq.command.ConnectionId;
import org.junit.jupiter.api.Test;

class RequesterTest {
    private static final long NOW = 1_800_000_000_000L;

    private static ActiveMQTextMessage request(Object replyTo, long expiration) throws Exception {
        ActiveMQTextMessage message = new ActiveMQTextMessage();
        message.setJMSReplyTo((jakarta.jms.Destination) replyTo);
        message.setJMSCorrelationID("c-1");
        message.setJMSExpiration(expiration);
        return message;
    }

    @Test
    void of_temporaryReplyTo_isAnswerableAndNamesItsConnection() throws Exception {
        Requester requester = Requester.of(request(new ActiveMQTempQueue(new ConnectionId("ID:host-1-2-3:4"), 7), 0));

        assertThat(requester.answerable()).isTrue();
        assertThat(requester.connection()).isEqualTo("ID:host-1-2-3:4");
        assertThat(requester.correlationId()).isEqualTo("c-1");
    }

    @Test
    void of_ordinaryQueueAsReplyTo_isNotAnswered() throws Exception {
        Requester requester = Requester.of(request(new ActiveMQQueue("napster.search"), 0));

        assertThat(requester.answerable()).isFalse();
    }

    @Test
    void of_noReplyTo_isNotAnswered() throws Exception {
        assertThat(Requester.of(request(null, 0)).answerable()).isFalse();
    }

    @Test
    void replyTimeToLive_isWhatIsLeftOfTheRequestsAtMost30s() throws Exception {
        ActiveMQTempQueue replyTo = new ActiveMQTempQueue(new ConnectionId("ID:c"), 1);

        assertThat(Requester.of(request(replyTo, NOW + 4_000)).replyTimeToLive(NOW)).isEqualTo(4_000);
        assertThat(Requester.of(request(replyTo, NOW + 300_000)).replyTimeToLive(NOW)).isEqualTo(30_000);
        assertThat(Requester.of(request(replyTo, 0)).replyTimeToLive(NOW)).isEqualTo(10_000);
    }

    @Test
    void expiredAt_afterTheRequestsExpiry_only() throws Exception {
        ActiveMQTempQueue replyTo = new ActiveMQTempQueue(new ConnectionId("ID:c"), 1);

        assertThat(Requester.of(request(replyTo, NOW)).expiredAt(NOW)).isTrue();
        assertThat(Requester.of(request(replyTo, NOW + 1)).expiredAt(NOW)).isFalse();
        assertThat(Requester.of(request(replyTo, 0)).expiredAt(NOW)).isFalse();
    }
}
