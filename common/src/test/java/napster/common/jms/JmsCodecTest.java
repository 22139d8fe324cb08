package napster.common.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.FileHit;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Heartbeat;
import napster.common.protocol.Holder;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Reannounce;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Unregister;
import napster.common.protocol.Update;
import org.apache.activemq.command.ActiveMQBytesMessage;
import org.apache.activemq.command.ActiveMQMapMessage;
import org.apache.activemq.command.ActiveMQTextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JMS side of the codec without a broker: messages are ActiveMQ's own command objects. */
class JmsCodecTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String KEY = "peer-key-0123456789";
    private static final SharedFile FILE_A = new SharedFile("6.txt", 21, SHA_A);
    private static final SharedFile FILE_B = new SharedFile("7.txt", 0, SHA_B);

    private final JmsCodec codec = new JmsCodec(ProtocolCodec.standard());

    /** Every message type with its JMSType and exactly the console properties it carries. */
    static Stream<Arguments> everyMessageType() {
        Holder holder = new Holder(1, "127.0.0.1", 25000, Instant.parse("2026-11-25T18:16:38Z"), "6.txt");
        return Stream.of(
                Arguments.of(Search.byName("6.txt"), "search", Map.of("query", "6.txt", "limit", 100)),
                Arguments.of(new Search(null, SHA_A, 5), "search", Map.of("sha256", SHA_A, "limit", 5)),
                Arguments.of(new Search("6.txt", SHA_A, 1000), "search",
                        Map.of("query", "6.txt", "sha256", SHA_A, "limit", 1000)),
                Arguments.of(new Register(KEY, "127.0.0.1", 25000, List.of(FILE_A, FILE_B)), "register",
                        Map.of("host", "127.0.0.1", "port", 25000, "files", 2)),
                Arguments.of(new Update(KEY, List.of(FILE_A), List.of(FILE_B, new SharedFile("8.txt", 1, SHA_A))),
                        "update", Map.of("added", 1, "removed", 2)),
                Arguments.of(new Unregister(KEY), "unregister", Map.of()),
                Arguments.of(new Ack(3, 4000), "ack", Map.of("peerId", 3, "files", 4000)),
                Arguments.of(new SearchResult("6.txt", List.of(new FileHit("6.txt", 21, SHA_A, List.of(holder)))),
                        "searchResult", Map.of("query", "6.txt", "results", 1)),
                Arguments.of(new SearchResult(SHA_B, List.of()), "searchResult", Map.of("query", SHA_B, "results", 0)),
                Arguments.of(new ErrorReply(ErrorReply.UNKNOWN_PEER, "Register again."), "error",
                        Map.of("code", "unknown-peer")),
                Arguments.of(new Heartbeat(KEY, 10), "heartbeat", Map.of()),
                Arguments.of(new ListPeers(null), "peers", Map.of("limit", 1000)),
                Arguments.of(new PeerList(List.of(new PeerInfo(1, "127.0.0.1", 25000, 4, 78, Instant.EPOCH))),
                        "peerList", Map.of("peers", 1)),
                Arguments.of(new Reannounce("indexer started"), "reannounce", Map.of("reason", "indexer started")),
                Arguments.of(new PeerChanged(PeerChanged.JOINED, 2, "127.0.0.1", 35000, 3, null), "peerChanged",
                        Map.of("change", "joined", "peerId", 2, "host", "127.0.0.1", "port", 35000, "files", 3)),
                Arguments.of(new FilesChanged(2, "127.0.0.1", 35000, List.of(FILE_A), List.of(FILE_A, FILE_B)),
                        "filesChanged", Map.of("peerId", 2, "added", 1, "removed", 2)));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void toJms_everyType_setsTypeAndExactlyItsConsoleProperties(Message message, String type,
                                                                Map<String, Object> properties) throws Exception {
        TextMessage jms = codec.toJms(textOnlySession(), message);

        assertThat(jms.getJMSType()).isEqualTo(type);
        assertThat(propertiesOf(jms)).isEqualTo(properties);
        assertThat(jms.getText()).isEqualTo(codec.protocol().encode(message));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void toJms_everyPropertyName_isAValidJmsIdentifier(Message message, String type, Map<String, Object> properties) {
        for (String name : properties.keySet()) {
            assertThat(Character.isJavaIdentifierStart(name.charAt(0))).as(name).isTrue();
            assertThat(name.chars().allMatch(Character::isJavaIdentifierPart)).as(name).isTrue();
            assertThat(name).doesNotStartWith("JMS");
            assertThat(name.toUpperCase()).isNotIn("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN",
                    "IS", "ESCAPE");
        }
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void fromJms_whatToJmsMade_givesTheMessageBack(Message message, String type, Map<String, Object> properties)
            throws Exception {
        assertThat(codec.fromJms(codec.toJms(textOnlySession(), message))).isEqualTo(message);
    }

    @Test
    void fromJms_propertiesAndTypeContradictingTheBody_areIgnored() throws Exception {
        ActiveMQTextMessage jms = new ActiveMQTextMessage();
        jms.setText("{\"type\":\"search\",\"query\":\"6.txt\"}");
        jms.setJMSType("register");
        jms.setStringProperty("query", "something else");
        jms.setStringProperty("sha256", SHA_B);
        jms.setIntProperty("limit", 1);
        jms.setStringProperty("host", "10.0.0.1");

        assertThat(codec.fromJms(jms)).isEqualTo(Search.byName("6.txt"));
    }

    @Test
    void fromJms_bytesMessage_isDecodedAsUtf8() throws Exception {
        ActiveMQBytesMessage jms = new ActiveMQBytesMessage();
        jms.writeBytes("{\"type\":\"search\",\"query\":\"Für Elise.mp3\"}".getBytes(StandardCharsets.UTF_8));
        jms.reset();

        assertThat(codec.fromJms(jms)).isEqualTo(Search.byName("Für Elise.mp3"));
    }

    @Test
    void fromJms_textMessageWithoutBody_isRefused() {
        assertThatThrownBy(() -> codec.fromJms(new ActiveMQTextMessage())).isInstanceOf(ProtocolException.class)
                .hasMessage("The message has no body.");
    }

    @Test
    void fromJms_mapMessage_isRefused() {
        assertThatThrownBy(() -> codec.fromJms(new ActiveMQMapMessage())).isInstanceOf(ProtocolException.class)
                .hasMessage("Only text and bytes messages carrying JSON are accepted.");
    }

    @Test
    void fromJms_bodyPastTheLimit_isRefusedBeforeDecoding() throws Exception {
        ActiveMQBytesMessage jms = new ActiveMQBytesMessage();
        jms.writeBytes(new byte[JmsCodec.MAX_BODY_BYTES + 1]);
        jms.reset();

        assertThatThrownBy(() -> codec.fromJms(jms)).isInstanceOf(ProtocolException.class)
                .hasMessage("The message body is larger than 4194304 bytes.");
    }

    private static Map<String, Object> propertiesOf(jakarta.jms.Message jms) throws JMSException {
        Map<String, Object> properties = new HashMap<>();
        for (Object name : Collections.list(jms.getPropertyNames())) {
            properties.put((String) name, jms.getObjectProperty((String) name));
        }
        return properties;
    }

    /** A Session that can only make text messages: all toJms needs, without a connection. */
    private static Session textOnlySession() {
        return (Session) Proxy.newProxyInstance(JmsCodecTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createTextMessage") && args != null && args.length == 1) {
                        ActiveMQTextMessage text = new ActiveMQTextMessage();
                        text.setText((String) args[0]);
                        return text;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
