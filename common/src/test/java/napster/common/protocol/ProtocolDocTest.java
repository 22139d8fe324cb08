package napster.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import napster.common.jms.JmsCodec;
import napster.common.testing.ProtocolDoc;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md against the code: its JSON examples decode and re-encode unchanged, its limits are the code's. */
class ProtocolDocTest {
    private static final ProtocolDoc DOC = ProtocolDoc.load();
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper();

    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final TransferCodec transfer = new TransferCodec();

    @Test
    void messageExamples_decodeAndEncodeBackToTheSameDocument() throws Exception {
        Map<String, String> examples = brokerExamples();
        assertThat(examples).isNotEmpty();
        for (Map.Entry<String, String> example : examples.entrySet()) {
            Message message = codec.decode(example.getValue());
            assertThat(MAPPER.readTree(codec.encode(message))).as(example.getKey())
                    .isEqualTo(MAPPER.readTree(example.getValue()));
        }
    }

    @Test
    void messageExamples_coverEveryMessageType() throws Exception {
        Set<Class<?>> shown = new HashSet<>();
        for (String json : brokerExamples().values()) {
            shown.add(codec.decode(json).getClass());
        }
        assertThat(shown).containsExactlyInAnyOrder(Message.class.getPermittedSubclasses());
    }

    @Test
    void pinnedMinimalSearch_isShownVerbatim() {
        assertThat(DOC.block("example:search")).isEqualTo("{\"type\":\"search\",\"query\":\"6.txt\"}\n");
    }

    @Test
    void transferExamples_decodeAndEncodeBackToTheSameLine() throws Exception {
        Map<String, String> examples = DOC.blocks("example:transfer-");
        assertThat(examples.keySet()).containsExactlyInAnyOrder("example:transfer-get", "example:transfer-ping",
                "example:transfer-ok", "example:transfer-not-found", "example:transfer-busy", "example:transfer-error");
        for (Map.Entry<String, String> example : examples.entrySet()) {
            byte[] line = example.getValue().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Class<?> kind = example.getKey().endsWith("get") || example.getKey().endsWith("ping")
                    ? TransferRequest.class : TransferReply.class;
            Object frame = transfer.decode(line, kind);
            assertThat(TransferCodec.text(transfer.encode(frame))).as(example.getKey())
                    .isEqualTo(example.getValue().strip() + "\n");
        }
    }

    @Test
    void limits_areTheCodes() {
        assertThat(DOC.text()).contains(
                "list(" + Fields.MAX_FILES_PER_MESSAGE + ")",
                "text(" + Fields.MAX_NAME_LENGTH + ")",
                "text(" + Fields.MAX_HOST_LENGTH + ")",
                "text(" + Fields.MAX_QUERY_LENGTH + ")",
                "integer 1–" + Fields.MAX_SEARCH_LIMIT + "; default " + Search.DEFAULT_LIMIT + ";",
                "`[A-Za-z0-9_-]{16,128}`",
                "`[0-9a-f]{64}`",
                "at most 4 MiB (" + String.format(Locale.ROOT, "%,d", JmsCodec.MAX_BODY_BYTES) + " bytes",
                "at most **" + TransferCodec.MAX_LINE_BYTES + " bytes, not counting the `\\n`**");
    }

    @Test
    void consoleProperties_areAllDocumented() {
        for (String property : Set.of(JmsCodec.QUERY, JmsCodec.SHA256, JmsCodec.LIMIT, JmsCodec.HOST, JmsCodec.PORT,
                JmsCodec.FILES, JmsCodec.ADDED, JmsCodec.REMOVED, JmsCodec.PEER_ID, JmsCodec.RESULTS, JmsCodec.CODE,
                JmsCodec.PEERS, JmsCodec.REASON, JmsCodec.CHANGE)) {
            assertThat(DOC.text()).contains("`" + property + "`: ");
        }
    }

    @Test
    void errorCodes_areAllDocumented() {
        for (String code : Set.of(ErrorReply.BAD_REQUEST, ErrorReply.FORBIDDEN, ErrorReply.UNKNOWN_PEER,
                ErrorReply.INTERNAL)) {
            assertThat(DOC.text()).contains("| `" + code + "` |");
        }
    }

    private static Map<String, String> brokerExamples() {
        Map<String, String> examples = DOC.blocks("example:");
        examples.keySet().removeIf(name -> name.startsWith("example:transfer-"));
        return examples;
    }
}
