package napster.peer.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A misbehaving holder: answers every request with a fixed status line and body (or nothing), then hangs up. */
final class FakeHolder implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    private final AtomicInteger connections = new AtomicInteger();

    private FakeHolder(String statusLine, byte[] body) throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(statusLine, body), "fake-holder-" + listener.getLocalPort());
        thread.start();
    }

    /** Says ok and sends {@code body} (whatever its length) as the content. */
    static FakeHolder answeringOk(long length, byte[] body) throws IOException {
        return new FakeHolder("{\"status\":\"ok\",\"length\":" + length + "}", body);
    }

    static FakeHolder answering(String statusLine) throws IOException {
        return new FakeHolder(statusLine, new byte[0]);
    }

    /** Reads the request and hangs up without a word. */
    static FakeHolder hangingUp() throws IOException {
        return new FakeHolder(null, new byte[0]);
    }

    /** How many connections it has taken. */
    int connections() {
        return connections.get();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve(String statusLine, byte[] body) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                connections.incrementAndGet();
                InputStream in = socket.getInputStream();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    // read the request line and ignore it
                }
                if (statusLine == null) {
                    continue;
                }
                OutputStream out = socket.getOutputStream();
                out.write((statusLine + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // closed, or the client left
            }
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join(5_000);
    }
}
