package napster.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The baseline napster's transfers are compared with: the same file over a plain loopback
 * socket, no protocol and no hashing. The sender hands the file to the socket with
 * {@code transferTo} (zero copy, as napster's file server does); the receiver reads into a
 * direct buffer, writes a new file and forces it to disk at the end, as napster's downloader
 * forces its partial file.
 */
final class RawCopy {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private RawCopy() {
    }

    /** Copies {@code source} into the new file {@code target}; the time from connect until the target is closed. */
    static Duration copy(Path source, Path target) throws IOException {
        long size = Files.size(source);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            SocketAddress address = listener.getLocalAddress();
            Sender sender = new Sender(listener, source);
            Thread thread = new Thread(sender, "raw-copy-send-" + ((InetSocketAddress) address).getPort());
            thread.setDaemon(true);
            thread.start();
            long started = System.nanoTime();
            long received;
            long elapsed;
            try {
                received = receive(address, target);
                elapsed = System.nanoTime() - started;
            } finally {
                listener.close(); // a sender still waiting for the connection gives up
                stop(thread);
            }
            if (sender.failure != null) {
                throw sender.failure;
            }
            if (received != size) {
                throw new IOException("received " + received + " of " + size + " bytes");
            }
            return Duration.ofNanos(elapsed);
        }
    }

    /* Reads until the sender closes, writing in blocks as large as the buffer. */
    private static long receive(SocketAddress address, Path target) throws IOException {
        try (SocketChannel socket = SocketChannel.open(address);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            long received = 0;
            boolean open = true;
            while (open) {
                int read = socket.read(buffer);
                if (read < 0) {
                    open = false;
                } else {
                    received += read;
                }
                if (!buffer.hasRemaining() || !open) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    buffer.clear();
                }
            }
            out.force(true);
            return received;
        }
    }

    private static void stop(Thread thread) throws InterruptedIOException {
        try {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt(); // closes its channels
                thread.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for the raw copy's sender");
        }
    }

    /** Takes the one connection and sends the whole file down it, then closes it. */
    private static final class Sender implements Runnable {
        private final ServerSocketChannel listener;
        private final Path source;
        private volatile IOException failure;

        Sender(ServerSocketChannel listener, Path source) {
            this.listener = listener;
            this.source = source;
        }

        @Override
        public void run() {
            try (SocketChannel socket = listener.accept();
                 FileChannel file = FileChannel.open(source, StandardOpenOption.READ)) {
                listener.close();
                long size = file.size();
                for (long position = 0; position < size; ) {
                    long sent = file.transferTo(position, size - position, socket);
                    if (sent <= 0) {
                        throw new IOException(source.getFileName() + " shrank while it was being sent");
                    }
                    position += sent;
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                try {
                    listener.close(); // a connection left in the backlog is reset, so the receiver never waits for nothing
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        }
    }
}
