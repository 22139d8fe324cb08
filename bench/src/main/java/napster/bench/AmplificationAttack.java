package napster.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import napster.common.jms.BrokerConnector;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;

/**
 * Reply amplification: shares {@code files} files with long names, then sends small searches
 * that match all of them (each answer up to the indexer's result limit) as fast as the broker
 * takes them, with a temporary queue of its own as JMSReplyTo that it never reads. The
 * connection, and with it the queue full of answers, stays until the attack stops.
 */
final class AmplificationAttack implements Attack {
    static final String WORD = "amplify";

    private final ClientSettings login;
    private final int files;
    private final int nameLength;
    private final int searches;
    private final int limit;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final String peerKey = "amplify-" + Long.toHexString(System.nanoTime()) + "-key";
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread sender;
    private long startedNanos;
    private volatile long lastSentNanos;

    AmplificationAttack(ClientSettings login, int files, int nameLength, int searches, int limit) {
        this.login = login;
        this.files = files;
        this.nameLength = nameLength;
        this.searches = searches;
        this.limit = limit;
    }

    @Override
    public void prepare() throws Exception {
        List<SharedFile> share = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            String stem = WORD + " " + i + " ";
            String name = stem + "x".repeat(Math.max(1, nameLength - stem.length() - 4)) + ".mp3";
            share.add(new SharedFile(name, i, "%064x".formatted(i + 1)));
        }
        try (IndexClient client = IndexClient.connect(login, "attacker-share", Duration.ofSeconds(60))) {
            client.register(peerKey, "127.0.0.1", 1, share);
        }
    }

    @Override
    public void start() throws Exception {
        connection = new BrokerConnector(login).connect("attacker");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue neverRead = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(session.createQueue(Destinations.SEARCH));
        String body = "{\"type\":\"search\",\"query\":\"" + WORD + "\",\"limit\":" + limit + "}";
        startedNanos = System.nanoTime();
        sender = new Thread(() -> send(session, producer, neverRead, body), "attacker-amplify");
        sender.setDaemon(true);
        sender.start();
    }

    private void send(Session session, MessageProducer producer, TemporaryQueue replyTo, String body) {
        for (int i = 0; i < searches && !stopping; i++) {
            try {
                TextMessage search = session.createTextMessage(body);
                search.setJMSReplyTo(replyTo);
                search.setJMSCorrelationID("amplify-" + i);
                search.setJMSType("search");
                // no time to live: the nastiest a client may ask for
                producer.send(search, DeliveryMode.NON_PERSISTENT, jakarta.jms.Message.DEFAULT_PRIORITY, 0);
                sent.incrementAndGet();
                lastSentNanos = System.nanoTime();
            } catch (JMSException | RuntimeException e) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.getMessage());
                if (stopping || !isOpen()) {
                    return;
                }
            }
        }
    }

    private boolean isOpen() {
        try {
            connection.getClientID();
            return true;
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    public void stop() throws Exception {
        stopping = true;
        Connection held = connection;
        if (held != null) {
            // closing deletes the unread queue; a send blocked by a throttling broker ends with it
            Thread closer = new Thread(() -> {
                try {
                    held.close();
                } catch (JMSException ignored) {
                    // gone either way
                }
            }, "attacker-close");
            closer.setDaemon(true);
            closer.start();
            closer.join(Duration.ofSeconds(15).toMillis());
        }
        if (sender != null) {
            sender.join(Duration.ofSeconds(5).toMillis());
        }
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("filesShared", files);
        figures.put("nameLength", nameLength);
        figures.put("searchesSent", sent.get());
        figures.put("sendFailures", failed.get());
        figures.put("firstSendFailure", firstFailure.get());
        figures.put("sendSeconds", sent.get() == 0 ? 0 : (lastSentNanos - startedNanos) / 1e9);
        return figures;
    }
}
