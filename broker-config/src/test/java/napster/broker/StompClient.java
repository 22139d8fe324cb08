package napster.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw STOMP 1.2 session over a socket, as a client in any language would hold it; frames are plain text. */
public final class StompClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    private StompClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects and logs in; fails unless the broker answers CONNECTED. */
    public static StompClient login(int port, String user, String password) throws IOException {
        StompClient client = new StompClient(new Socket("127.0.0.1", port));
        try {
            client.socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            client.send("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + user + "\npasscode:" + password
                    + "\nheart-beat:0,0\n\n");
            String answer = client.readFrame();
            if (!answer.startsWith("CONNECTED")) {
                throw new IOException("STOMP login refused: " + answer);
            }
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Sends one frame: {@code frame} is the command, headers and blank line (and body); the NUL is added. */
    public void send(String frame) throws IOException {
        socket.getOutputStream().write((frame + "\0").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The next frame up to its NUL, without the heart-beat newlines before it. */
    public String readFrame() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b = in.read();
        while (b == '\n' || b == '\r') {
            b = in.read();
        }
        for (; b > 0; b = in.read()) {
            frame.write(b);
        }
        return frame.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
