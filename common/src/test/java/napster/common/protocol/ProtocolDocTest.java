package napster.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import napster.common.jms.JmsCodec;
import napster.common.testing.ProtocolDoc;
import napster.common.transfer.ChunkHashes;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md against the code: its JSON examples decode and re-encode unchanged, its worked
 * transfer example is the wire form of its file, its limits are the code's.
 */
class ProtocolDocTest {
    private static final ProtocolDoc DOC = ProtocolDoc.load();
    private static final ObjectMapper MAPPER = ProtocolCodec.newMapper();
    private static final String CLIENT = "client → ";
    private static final String SERVER = "server ← ";
    private static final Pattern HEX_LINE = Pattern.compile(" +[0-9a-f]{64}");

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
        assertThat(examples.keySet()).containsExactlyInAnyOrder("example:transfer-get", "example:transfer-info",
                "example:transfer-ping", "example:transfer-ok", "example:transfer-info-ok", "example:transfer-not-found",
                "example:transfer-busy", "example:transfer-error");
        for (Map.Entry<String, String> example : examples.entrySet()) {
            byte[] line = example.getValue().strip().getBytes(StandardCharsets.UTF_8);
            String name = example.getKey();
            Class<?> kind = name.endsWith("get") || name.endsWith("info") || name.endsWith("ping")
                    ? TransferRequest.class : TransferReply.class;
            Object frame = transfer.decode(line, kind);
            assertThat(TransferCodec.text(transfer.encode(frame))).as(example.getKey())
                    .isEqualTo(example.getValue().strip() + "\n");
        }
    }

    /**
     * The worked info example, line by line: its JSON lines are exact frames, its hex lines the
     * hash bytes, and all of them the truth about its file (4 MiB of zero bytes, then "hello\n").
     */
    @Test
    void infoWorkedExample_isTheWireFormOfItsFile() throws Exception {
        List<Object> requests = new ArrayList<>();
        List<Object> replies = new ArrayList<>();
        ByteArrayOutputStream shownHashes = new ByteArrayOutputStream();
        for (String line : DOC.block("wire:two-chunks").lines().toList()) {
            if (line.startsWith(CLIENT)) {
                requests.add(frame(line.substring(CLIENT.length()), TransferRequest.class));
            } else if (line.startsWith(SERVER + "{")) {
                replies.add(frame(line.substring(SERVER.length()), TransferReply.class));
            } else if (HEX_LINE.matcher(line).matches()) {
                shownHashes.writeBytes(HexFormat.of().parseHex(line.strip()));
            } else {
                assertThat(line).as("the only other lines say what raw bytes follow").startsWith(SERVER + "(");
            }
        }

        int chunk = ChunkHashes.DEFAULT_CHUNK_SIZE;
        byte[] content = new byte[chunk + 6];
        System.arraycopy("hello\n".getBytes(StandardCharsets.US_ASCII), 0, content, chunk, 6);
        String sha256 = HexFormat.of().formatHex(sha256(content));
        ChunkHashes hashes = ChunkHashes.of(content.length, chunk, concat(sha256(Arrays.copyOf(content, chunk)),
                sha256(Arrays.copyOfRange(content, chunk, content.length))));

        assertThat(requests).containsExactly(TransferRequest.info(sha256),
                TransferRequest.get(sha256, hashes.offset(0), hashes.length(0)),
                TransferRequest.get(sha256, hashes.offset(1), hashes.length(1)));
        assertThat(replies).containsExactly(TransferReply.info(hashes), TransferReply.ok(hashes.length(0)),
                TransferReply.ok(hashes.length(1)));
        assertThat(shownHashes.toByteArray()).isEqualTo(hashes.bytes());
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
                "at most **" + TransferCodec.MAX_LINE_BYTES + " bytes, not counting the `\\n`**",
                String.format(Locale.ROOT, "integer %,d–%,d", ChunkHashes.MIN_CHUNK_SIZE, ChunkHashes.MAX_CHUNK_SIZE),
                String.format(Locale.ROOT, "default %,d = 4 MiB", ChunkHashes.DEFAULT_CHUNK_SIZE));
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

    /** A JSON line after its arrow, ending in ⏎: decoded, it must encode back to exactly that line. */
    private <T> T frame(String shown, Class<T> kind) throws Exception {
        assertThat(shown).endsWith("⏎");
        String json = shown.substring(0, shown.length() - 1);
        T frame = transfer.decode(json.getBytes(StandardCharsets.UTF_8), kind);
        assertThat(TransferCodec.text(transfer.encode(frame))).isEqualTo(json + "\n");
        return frame;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Map<String, String> brokerExamples() {
        Map<String, String> examples = DOC.blocks("example:");
        examples.keySet().removeIf(name -> name.startsWith("example:transfer-"));
        return examples;
    }
}
