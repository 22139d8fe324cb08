package napster.common.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;

/**
 * Frames of the peer-to-peer transfer protocol. Wire layout: one UTF-8 JSON object on one
 * line ending in {@code \n}, at most {@link #MAX_LINE_BYTES} bytes; after an ok reply to a
 * get, exactly {@code length} raw bytes follow.
 */
public final class TransferCodec {
    public static final int MAX_LINE_BYTES = 8 * 1024;

    private final ObjectMapper mapper = ProtocolCodec.newMapper();

    public byte[] encode(Object frame) {
        try {
            byte[] json = mapper.writeValueAsBytes(frame);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + frame, e);
        }
    }

    public <T> T decode(byte[] line, Class<T> type) throws ProtocolException {
        try {
            return mapper.readValue(line, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException("Invalid request: " + cause.getMessage() + ".", e);
        } catch (IOException e) {
            String mismatch = ProtocolCodec.mismatch(e);
            if (mismatch != null) {
                throw new ProtocolException("Invalid request: " + mismatch + ".", e);
            }
            throw new ProtocolException("The line is not a valid JSON " + type.getSimpleName() + ".", e);
        }
    }

    /**
     * Reads one line, byte by byte from {@code buffer} (refilled from {@code channel} as needed),
     * so no byte after the newline is consumed beyond what stays in the buffer. Returns null on
     * a clean end of stream before any byte.
     */
    public static byte[] readLine(ReadableByteChannel channel, ByteBuffer buffer) throws IOException, ProtocolException {
        ByteBuffer line = ByteBuffer.allocate(MAX_LINE_BYTES);
        while (true) {
            if (!buffer.hasRemaining()) {
                buffer.clear();
                int read = channel.read(buffer);
                buffer.flip();
                if (read < 0) {
                    if (line.position() == 0) {
                        return null;
                    }
                    throw new EOFException("the stream ended inside a line");
                }
                continue;
            }
            byte b = buffer.get();
            if (b == '\n') {
                byte[] bytes = new byte[line.position()];
                line.flip().get(bytes);
                return bytes;
            }
            if (!line.hasRemaining()) {
                throw lineTooLong();
            }
            line.put(b);
        }
    }

    /** What a line longer than {@link #MAX_LINE_BYTES} is refused with. */
    public static ProtocolException lineTooLong() {
        return new ProtocolException("A line is longer than " + MAX_LINE_BYTES + " bytes.");
    }

    public static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
