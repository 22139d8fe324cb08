package napster.peer.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A client connection whose connect, reads and writes give up after a timeout: a non-blocking
 * socket channel driven through its own selector (blocking socket channels have no timeouts).
 */
final class TimedChannel implements ReadableByteChannel {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutNanos;

    private TimedChannel(SocketChannel channel, Selector selector, SelectionKey key, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.timeoutNanos = timeout.toNanos();
    }

    static TimedChannel connect(InetSocketAddress address, Duration connectTimeout, Duration readTimeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            TimedChannel timed = new TimedChannel(channel, selector, key, readTimeout);
            if (!channel.connect(address)) {
                timed.await(SelectionKey.OP_CONNECT, connectTimeout.toNanos(), "no answer within " + seconds(connectTimeout));
                channel.finishConnect();
            }
            return timed;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        while (true) {
            int read = channel.read(target);
            if (read != 0 || !target.hasRemaining()) {
                return read;
            }
            await(SelectionKey.OP_READ, timeoutNanos, "nothing received for " + seconds(Duration.ofNanos(timeoutNanos)));
        }
    }

    void writeFully(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            if (channel.write(source) == 0) {
                await(SelectionKey.OP_WRITE, timeoutNanos, "could not send for " + seconds(Duration.ofNanos(timeoutNanos)));
            }
        }
    }

    private void await(int operation, long timeout, String timeoutMessage) throws IOException {
        key.interestOps(operation);
        long deadline = System.nanoTime() + timeout;
        while (true) {
            selector.selectedKeys().clear();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException(timeoutMessage);
            }
            if (selector.select(Math.max(1, left / 1_000_000)) > 0) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // the connection is done either way
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
