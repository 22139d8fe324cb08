package napster.peer.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Sends the one reply line that ends a connection ({@code busy}, or {@code error} for a bad
 * first request) and closes it, without ever waiting: nothing was sent on the connection
 * before, so its send buffer takes the short line at once; if it does not, the client only
 * sees the close.
 */
final class LastReply {
    private LastReply() {
    }

    static void sendAndClose(SocketChannel channel, byte[] line) {
        try (channel) {
            ByteBuffer bytes = ByteBuffer.wrap(line);
            channel.write(bytes);
            if (!bytes.hasRemaining()) {
                channel.shutdownOutput();
            }
        } catch (IOException e) {
            // the client left already
        }
    }
}
