package napster.indexer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/** A bare STOMP connection over a plain socket: writes frames as given, reads frames back. */
final class StompClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private StompClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the loopback port; every later read gives up after {@code readTimeout}. */
    static StompClient connect(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new StompClient(socket);
    }

    /** Writes these exact bytes: one or more whole frames. */
    void send(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    StompFrame read() throws IOException {
        return StompFrame.read(in);
    }

    /** The next frame, or empty when the broker closed the connection before sending one more byte. */
    java.util.Optional<StompFrame> readOrEnd() throws IOException {
        in.mark(1);
        if (in.read() < 0) {
            return java.util.Optional.empty();
        }
        in.reset();
        return java.util.Optional.of(read());
    }

    /** Everything the broker sends until it closes the connection. */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
