package napster.peer.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.ChunkHashes;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;
import napster.peer.share.FileHasher;

/**
 * A holder that answers {@code info} correctly and then sends the content at a trickle: after the
 * first {@code fastBytes} bytes of its answers to {@code get}, one byte per tick, each well within
 * any read timeout (or it trickles the chunk hashes of its {@code info} answer already). Such a
 * holder once hung {@code get} for good.
 */
final class TricklingHolder implements AutoCloseable {
    private final byte[] content;
    private final ChunkHashes hashes;
    private final AtomicLong fastLeft;
    private final boolean trickleInfo;
    private final ServerSocket listener;
    private final ScheduledExecutorService ticker;
    private final Semaphore ticks = new Semaphore(0);
    private final FixtureThreads threads = new FixtureThreads();
    private final TransferCodec codec = new TransferCodec();

    private TricklingHolder(Path file, long fastBytes, boolean trickleInfo, Duration tick) throws IOException {
        content = Files.readAllBytes(file);
        hashes = FileHasher.hash(file).chunkHashes();
        fastLeft = new AtomicLong(fastBytes);
        this.trickleInfo = trickleInfo;
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ticker = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "trickle-tick-" + port()));
        ticker.scheduleAtFixedRate(ticks::release, tick.toNanos(), tick.toNanos(), TimeUnit.NANOSECONDS);
        threads.start(this::accept, "trickle-accept-" + port());
    }

    /** Serves {@code file}: the first {@code fastBytes} bytes of content at once, then one byte per {@code tick}. */
    static TricklingHolder serving(Path file, long fastBytes, Duration tick) throws IOException {
        return new TricklingHolder(file, fastBytes, false, tick);
    }

    /** Serves {@code file}, but already its chunk hashes come one byte per {@code tick}. */
    static TricklingHolder tricklingInfo(Path file, Duration tick) throws IOException {
        return new TricklingHolder(file, 0, true, tick);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                threads.track(socket);
                threads.start(() -> serve(socket), "trickle-serve-" + port());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] line;
            while ((line = readLine(in)) != null) {
                TransferRequest request = codec.decode(line, TransferRequest.class);
                if (TransferRequest.INFO.equals(request.op())) {
                    send(out, TransferReply.info(hashes));
                    byte[] info = hashes.bytes();
                    trickle(out, info, 0, trickleInfo ? 0 : info.length, info.length);
                } else {
                    send(out, TransferReply.ok(request.length()));
                    int length = Math.toIntExact(request.length());
                    int fast = (int) Math.min(length, Math.max(0, fastLeft.getAndAdd(-length)));
                    trickle(out, content, Math.toIntExact(request.offset()), fast, length);
                }
            }
        } catch (IOException | ProtocolException | InterruptedException e) {
            // the downloader hung up on us, or the test is over
        }
    }

    /* Sends bytes[offset, offset + length): the first {@code fast} at once, the rest one per tick. */
    private void trickle(OutputStream out, byte[] bytes, int offset, int fast, int length)
            throws IOException, InterruptedException {
        out.write(bytes, offset, fast);
        out.flush();
        ticks.drainPermits(); // ticks from before the trickle began do not add up to a burst
        for (int at = offset + fast; at < offset + length; at++) {
            ticks.acquire();
            out.write(bytes[at]);
            out.flush();
        }
    }

    private void send(OutputStream out, TransferReply reply) throws IOException {
        out.write(codec.encode(reply));
        out.flush();
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.toByteArray();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        ticker.shutdownNow();
        threads.close();
    }
}
