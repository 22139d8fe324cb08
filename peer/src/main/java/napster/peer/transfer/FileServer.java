package napster.peer.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;

/**
 * This peer's transfer port: serves the content it shares, by SHA-256, to other peers. Each
 * connection takes one of a fixed number of upload slots for as long as it stays open; a
 * connection beyond them is answered {@code busy} and closed. An upload cap is one token bucket
 * shared by all uploads, so the cap holds however many peers download at once.
 */
public final class FileServer implements AutoCloseable {
    private static final int BACKLOG = 64;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocketChannel listener;
    private final int port;
    private final int slotCount;
    private final Semaphore slots;
    private final ContentSource content;
    private final TokenBucket uploadCap;
    private final Consumer<String> log;
    private final TransferCodec codec = new TransferCodec();
    private final IdleWatchdog watchdog;
    private final ExecutorService uploads;
    private final Thread acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileServer(ServerSocketChannel listener, ServerSettings settings, ContentSource content, Consumer<String> log) {
        this.listener = listener;
        this.port = ((InetSocketAddress) localAddress(listener)).getPort();
        this.slotCount = settings.slots();
        this.slots = new Semaphore(settings.slots());
        this.content = content;
        this.uploadCap = settings.maxUploadRate() > 0 ? TokenBucket.perSecond(settings.maxUploadRate()) : null;
        this.log = log;
        this.watchdog = new IdleWatchdog("peer-upload-watchdog-" + port, settings.idleTimeout());
        AtomicInteger threads = new AtomicInteger();
        this.uploads = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> new Thread(task, "peer-upload-" + port + "-" + threads.incrementAndGet()));
        this.acceptor = new Thread(this::acceptConnections, "peer-accept-" + port);
    }

    /** Binds and starts serving; fails with an exception naming the host and port it could not bind. */
    public static FileServer start(ServerSettings settings, ContentSource content, Consumer<String> log) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(log, "log");
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(settings.bindHost(), settings.port()), BACKLOG);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            listener.close();
            String why = e instanceof UnresolvedAddressException ? "unknown host" : e.getMessage();
            throw new IOException("Cannot listen on " + settings.bindHost() + ":" + settings.port() + ": " + why + ".", e);
        }
        FileServer server = new FileServer(listener, settings, content, log);
        server.acceptor.start();
        return server;
    }

    /** The port actually bound (the ephemeral one when the settings said 0). */
    public int port() {
        return port;
    }

    /** How many connections may be served at once. */
    public int slots() {
        return slotCount;
    }

    /** Slots not taken by an open connection: a connection holds its slot until it is closed. */
    public int freeSlots() {
        return slots.availablePermits();
    }

    private void acceptConnections() {
        while (!closed.get()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                log.accept("Cannot accept a connection on port " + port + ": " + e.getMessage());
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // e.g. out of file handles: do not spin
                continue;
            }
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        String peer = describe(channel);
        log.accept("[*] Got a connection from " + peer);
        if (!slots.tryAcquire()) {
            refuse(channel, peer);
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            UploadSession session = new UploadSession(channel, peer, watchdog.watch(channel), content, uploadCap,
                    codec, log);
            uploads.execute(() -> {
                try {
                    session.run();
                } finally {
                    slots.release();
                }
            });
        } catch (IOException | RejectedExecutionException e) {
            slots.release();
            closeQuietly(channel);
        }
    }

    /* Runs on the acceptor: the busy line is tiny and a fresh socket's send buffer takes it at once. */
    private void refuse(SocketChannel channel, String peer) {
        log.accept("Refused " + peer + ": all " + slotCount + " upload slots are busy.");
        try (channel) {
            ByteBuffer busy = ByteBuffer.wrap(codec.encode(TransferReply.failure(TransferReply.BUSY,
                    "All " + slotCount + " upload slots are busy; try again later.")));
            while (busy.hasRemaining()) {
                channel.write(busy);
            }
            channel.shutdownOutput();
        } catch (IOException e) {
            // the client left already
        }
    }

    /** Stops accepting, closes every open connection and waits (bounded) for the threads to end. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener);
        watchdog.close();
        uploads.shutdownNow(); // the connections are closed already; the interrupt wakes sessions waiting on the upload cap
        try {
            uploads.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            acceptor.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(SocketChannel channel) {
        SocketAddress address;
        try {
            address = channel.getRemoteAddress();
        } catch (IOException e) {
            return "an unknown address";
        }
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    private static SocketAddress localAddress(ServerSocketChannel listener) {
        try {
            return listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("a bound listener has a local address", e);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
