package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real activemq.xml bounds what a temporary (reply) queue holds: a queue nobody reads
 * fills up to 1 MiB, then replies into it fail at once while other queues go on getting
 * theirs, and its expired replies are swept out within seconds.
 */
class ReplyQueueLimitsIT {
    private static final int REPLY_BYTES = 300 * 1024;
    private static final long QUEUE_LIMIT = 1024 * 1024;

    @RegisterExtension
    static final RealBroker broker = new RealBroker();

    private final BrokerGauges gauges = new BrokerGauges();

    @Test
    void unreadReplyQueue_full_failsFurtherRepliesAtOnce_andOtherQueuesStillGetTheirs() throws Exception {
        List<String> indexerErrors = new CopyOnWriteArrayList<>();
        try (Connection idle = broker.login("peer"); Connection reading = broker.login("peer");
             Connection indexer = broker.login("indexer")) {
            indexer.setExceptionListener(e -> indexerErrors.add(e.getMessage()));
            TemporaryQueue unread = idle.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session readingSession = reading.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue read = readingSession.createTemporaryQueue();
            MessageConsumer replies = readingSession.createConsumer(read);
            Session session = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            String body = "x".repeat(REPLY_BYTES);

            for (int i = 0; i < 8; i++) {
                producer.send(unread, session.createTextMessage(body), DeliveryMode.NON_PERSISTENT,
                        Message.DEFAULT_PRIORITY, 60_000);
            }
            producer.send(read, session.createTextMessage("still served"), DeliveryMode.NON_PERSISTENT,
                    Message.DEFAULT_PRIORITY, 60_000);

            assertThat(replies.receive(10_000)).as("the reply to the queue that is read").isNotNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexerErrors)
                    .anyMatch(error -> error.startsWith("Usage Manager Memory Limit reached on temp-queue://")));
            assertThat(gauges.queueBytes(unread)).isBetween(QUEUE_LIMIT - REPLY_BYTES, QUEUE_LIMIT + REPLY_BYTES + 4096);
            // a send that waits for the broker's answer gets the refusal as an exception, at once
            assertThatThrownBy(() -> producer.send(unread, session.createTextMessage(body), DeliveryMode.PERSISTENT,
                    Message.DEFAULT_PRIORITY, 60_000)).isInstanceOf(ResourceAllocationException.class);
        }
    }

    @Test
    void expiredReplies_inAQueueNobodyReads_areGoneWithinSeconds() throws Exception {
        try (Connection idle = broker.login("peer"); Connection indexer = broker.login("indexer")) {
            TemporaryQueue unread = idle.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session session = indexer.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(unread);
            for (int i = 0; i < 3; i++) {
                producer.send(session.createTextMessage("reply " + i), DeliveryMode.NON_PERSISTENT,
                        Message.DEFAULT_PRIORITY, 1_000);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> gauges.queueSize(unread) == 3);

            // swept every 5 s: gone about 6 s after they were sent (ActiveMQ's default sweep: up to 31 s)
            await().atMost(Duration.ofSeconds(15)).until(() -> gauges.queueSize(unread) == 0);
            assertThat(gauges.queueBytes(unread)).isZero();
        }
    }
}
