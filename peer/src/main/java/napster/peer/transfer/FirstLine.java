package napster.peer.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.TransferCodec;

/**
 * The first request line of a new connection, read without blocking as its bytes arrive. What
 * came after the line (pipelined requests) stays in {@link #rest()} for the upload session.
 * Not thread-safe: the gate's thread reads it, then hands it on.
 */
final class FirstLine {
    enum State { WAITING, COMPLETE, ENDED }

    private final SocketChannel channel;
    private final String peer;
    /* A line may hold MAX_LINE_BYTES, then its newline. */
    private final ByteBuffer buffer = ByteBuffer.allocate(TransferCodec.MAX_LINE_BYTES + 1);
    private byte[] line;

    FirstLine(SocketChannel channel, String peer) {
        this.channel = channel;
        this.peer = peer;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Where the connection comes from, as the log shows it. */
    String peer() {
        return peer;
    }

    /** True if some bytes of the line arrived (so an end of stream now cut a request short). */
    boolean started() {
        return line != null || buffer.position() > 0;
    }

    /** Reads what has arrived; fails when the line is longer than the protocol allows. */
    State read() throws IOException, ProtocolException {
        int from = buffer.position();
        if (channel.read(buffer) < 0) {
            return State.ENDED;
        }
        for (int i = from; i < buffer.position(); i++) {
            if (buffer.get(i) == '\n') {
                line = Arrays.copyOf(buffer.array(), i);
                buffer.flip().position(i + 1);
                return State.COMPLETE;
            }
        }
        if (!buffer.hasRemaining()) {
            throw TransferCodec.lineTooLong();
        }
        return State.WAITING;
    }

    /** The line without its newline, once {@link #read()} said {@code COMPLETE}. */
    byte[] line() {
        return line;
    }

    /** The bytes after the line, ready to be read. */
    ByteBuffer rest() {
        return buffer;
    }
}
