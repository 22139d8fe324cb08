package napster.common.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import napster.common.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class TransferCodecTest {
    private static final String SHA = "c".repeat(64);
    private final TransferCodec codec = new TransferCodec();

    @Test
    void encode_get_isOneJsonLine() {
        assertThat(new String(codec.encode(TransferRequest.get(SHA, 0, 10)), StandardCharsets.UTF_8))
                .isEqualTo("{\"op\":\"get\",\"sha256\":\"" + SHA + "\",\"offset\":0,\"length\":10}\n");
    }

    @Test
    void encode_okReply_isOneJsonLine() {
        assertThat(new String(codec.encode(TransferReply.ok(10)), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"ok\",\"length\":10}\n");
    }

    @Test
    void decode_ping_roundTrips() throws Exception {
        assertThat(codec.decode("{\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8), TransferRequest.class))
                .isEqualTo(TransferRequest.ping());
    }

    @Test
    void decode_pathInsteadOfHash_isRefused() {
        byte[] line = ("{\"op\":\"get\",\"sha256\":\"../../etc/passwd\",\"offset\":0,\"length\":1}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(line, TransferRequest.class)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid request: sha256 must be 64 lowercase hex digits.");
    }

    @Test
    void decode_unknownOp_isRefused() {
        byte[] line = "{\"op\":\"delete\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(line, TransferRequest.class)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid request: op must be \"get\", \"info\" or \"ping\".");
    }

    @Test
    void encode_info_isOneJsonLineWithTheHashOnly() {
        assertThat(TransferCodec.text(codec.encode(TransferRequest.info(SHA))))
                .isEqualTo("{\"op\":\"info\",\"sha256\":\"" + SHA + "\"}\n");
    }

    @Test
    void decode_info_givesTheInfoRequest() throws Exception {
        byte[] line = ("{\"op\":\"info\",\"sha256\":\"" + SHA + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(line, TransferRequest.class)).isEqualTo(TransferRequest.info(SHA));
    }

    @Test
    void decode_infoWithOffset_isRefused() {
        byte[] line = ("{\"op\":\"info\",\"sha256\":\"" + SHA + "\",\"offset\":0}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(line, TransferRequest.class)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid request: info takes no offset or length.");
    }

    @Test
    void decode_infoWithoutHash_isRefused() {
        byte[] line = "{\"op\":\"info\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(line, TransferRequest.class)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid request: sha256 must be 64 lowercase hex digits.");
    }

    @Test
    void infoReply_twoChunks_isTheSameLineBothWays() throws Exception {
        ChunkHashes hashes = ChunkHashes.of(ChunkHashes.DEFAULT_CHUNK_SIZE + 6L, ChunkHashes.DEFAULT_CHUNK_SIZE,
                new byte[2 * ChunkHashes.HASH_BYTES]);
        String line = "{\"status\":\"ok\",\"length\":64,\"size\":4194310,\"chunkSize\":4194304}";

        assertThat(TransferCodec.text(codec.encode(TransferReply.info(hashes)))).isEqualTo(line + "\n");
        assertThat(codec.decode(line.getBytes(StandardCharsets.UTF_8), TransferReply.class))
                .isEqualTo(TransferReply.info(hashes));
    }

    @Test
    void encode_infoReplyForEmptyContent_hasLengthZero() {
        ChunkHashes none = ChunkHashes.of(0, ChunkHashes.DEFAULT_CHUNK_SIZE, new byte[0]);

        assertThat(TransferCodec.text(codec.encode(TransferReply.info(none))))
                .isEqualTo("{\"status\":\"ok\",\"length\":0,\"size\":0,\"chunkSize\":4194304}\n");
    }

    @Test
    void readLine_keepsBytesAfterNewlineInBuffer() throws Exception {
        ReadableByteChannel channel = channel("{\"status\":\"ok\",\"length\":3}\nabc");
        ByteBuffer buffer = ByteBuffer.allocate(64).flip();
        byte[] line = TransferCodec.readLine(channel, buffer);
        assertThat(TransferCodec.text(line)).isEqualTo("{\"status\":\"ok\",\"length\":3}");
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        assertThat(new String(rest, StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void readLine_overlongLine_isRefused() {
        ReadableByteChannel channel = channel("x".repeat(TransferCodec.MAX_LINE_BYTES + 1) + "\n");
        assertThatThrownBy(() -> TransferCodec.readLine(channel, ByteBuffer.allocate(1024).flip()))
                .isInstanceOf(ProtocolException.class).hasMessage("A line is longer than 8192 bytes.");
    }

    @Test
    void readLine_cleanEndOfStream_isNull() throws Exception {
        assertThat(TransferCodec.readLine(channel(""), ByteBuffer.allocate(16).flip())).isNull();
    }

    private static ReadableByteChannel channel(String text) {
        return Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            {"op":"get","sha256":"%SHA%","offset":1.5,"length":10}  | Invalid request: offset must be a whole number, not 1.5.
            {"op":"get","sha256":"%SHA%","offset":0,"length":"12"}  | Invalid request: length must be a whole number, not "12".
            {"op":"get","sha256":"%SHA%","offset":"0","length":12}  | Invalid request: offset must be a whole number, not "0".
            {"op":1,"sha256":"%SHA%"}                                | Invalid request: op must be a string, not 1.
            """)
    void decode_valueOfAnotherKind_isRefusedNamingTheField(String line, String message) {
        assertThatThrownBy(() -> codec.decode(line.replace("%SHA%", SHA).getBytes(StandardCharsets.UTF_8),
                TransferRequest.class)).isInstanceOf(ProtocolException.class).hasMessage(message);
    }
}
