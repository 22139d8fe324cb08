package napster.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idle TCP sockets to one port, as an attacker holds them: connected, never a byte sent, and
 * opened again as soon as the server closes one, until {@link #stopReopening()}. One thread
 * and one selector serve them all. Bounded: at most {@code count} open at once and at most
 * {@code maxOpens} opened in all.
 */
final class IdleSockets implements AutoCloseable {
    private final InetSocketAddress target;
    private final int count;
    private final int maxOpens;
    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer sink = ByteBuffer.allocate(4096);
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong shortestNanos = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean reopening = true;
    private volatile boolean running = true;
    private volatile IOException failure;

    private IdleSockets(InetSocketAddress target, int count, int maxOpens) throws IOException {
        this.target = target;
        this.count = count;
        this.maxOpens = maxOpens;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "idle-sockets-" + target.getPort());
    }

    /** Opens {@code count} idle sockets to the port on loopback and keeps them open. */
    static IdleSockets start(int port, int count, int maxOpens) throws IOException {
        IdleSockets sockets = new IdleSockets(new InetSocketAddress("127.0.0.1", port), count, maxOpens);
        sockets.thread.start();
        return sockets;
    }

    /** From now on a socket the server closes stays closed. */
    void stopReopening() {
        reopening = false;
    }

    int open() {
        return open.get();
    }

    int opened() {
        return opened.get();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    /** The longest any socket stayed open before the server closed it, counted from its connect. */
    Duration longestLife() {
        return Duration.ofNanos(longestNanos.get());
    }

    /** The shortest any socket stayed open before the server closed it. */
    Duration shortestLife() {
        return Duration.ofNanos(shortestNanos.get());
    }

    /** Why opening a socket failed, if it did. */
    IOException failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                while (reopening && open.get() < count && opened.get() < maxOpens) {
                    connectOne();
                }
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    serve(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void connectOne() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.connect(target);
        channel.register(selector, SelectionKey.OP_CONNECT, System.nanoTime());
        open.incrementAndGet();
        opened.incrementAndGet();
    }

    private void serve(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
                sink.clear();
                if (channel.read(sink) < 0) {
                    closed(key);
                }
            }
        } catch (IOException e) {
            closed(key); // reset or refused: the server closed it too
        }
    }

    private void closed(SelectionKey key) {
        long life = System.nanoTime() - (Long) key.attachment();
        longestNanos.accumulateAndGet(life, Math::max);
        shortestNanos.accumulateAndGet(life, Math::min);
        closedByServer.incrementAndGet();
        open.decrementAndGet();
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing our end of a socket the server already closed
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        selector.wakeup();
        thread.join(10_000);
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
