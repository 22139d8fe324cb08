package napster.peer.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in front of a real holder and holds its {@code get} requests back until {@link #open}
 * (at most 30 s), so a test decides that another holder is asked first; {@code info} and
 * {@code ping} pass at once, answers flow back untouched.
 */
final class GatedProxy implements AutoCloseable {
    private static final byte[] GET = "\"op\":\"get\"".getBytes(StandardCharsets.UTF_8);

    private final int targetPort;
    private final ServerSocket listener;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final FixtureThreads threads = new FixtureThreads();

    GatedProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        threads.start(this::accept, "gated-accept-" + port());
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Lets the held requests, and all later ones, through. */
    void open() {
        gate.countDown();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket holder = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                threads.track(client);
                threads.track(holder);
                threads.start(() -> forwardRequests(client, holder), "gated-requests-" + port());
                threads.start(() -> copy(holder, client), "gated-answers-" + port());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /* Request lines one by one, each get only once the gate is open. */
    private void forwardRequests(Socket client, Socket holder) {
        try (client; holder) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = holder.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    byte[] request = line.toByteArray();
                    line.reset();
                    if (contains(request, GET)) {
                        gate.await(30, TimeUnit.SECONDS);
                    }
                    out.write(request);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // either side hung up, or the test is over
        }
    }

    private static void copy(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side hung up, or the test is over
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        threads.close();
    }
}
