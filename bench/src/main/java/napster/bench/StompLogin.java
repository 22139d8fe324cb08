package napster.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A STOMP client's first minute in one call: connect, log in, read CONNECTED, leave. */
final class StompLogin {
    private static final int MAX_FRAME = 8192;

    private StompLogin() {
    }

    /** Throws unless the broker at {@code address} answers the login with CONNECTED within {@code timeout}. */
    static void loginAndLeave(InetSocketAddress address, String user, String password, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + user
                    + "\npasscode:" + password + "\n\n\0").getBytes(StandardCharsets.UTF_8));
            String frame = readFrame(socket.getInputStream());
            if (!frame.startsWith("CONNECTED")) {
                throw new IOException("the broker answered the STOMP login with " + frame.lines().findFirst().orElse(""));
            }
            socket.getOutputStream().write("DISCONNECT\n\n\0".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("the broker closed the connection before answering the STOMP login");
            }
            if (frame.size() == MAX_FRAME) {
                throw new IOException("the broker's answer to the STOMP login is longer than " + MAX_FRAME + " bytes");
            }
            if (frame.size() > 0 || b != '\n') { // heart-beat newlines before the frame
                frame.write(b);
            }
        }
        return frame.toString(StandardCharsets.UTF_8);
    }
}
