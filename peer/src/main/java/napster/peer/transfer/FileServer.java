package napster.peer.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;

/**
 * This peer's transfer port: serves the content it shares, by SHA-256, to other peers. A new
 * connection holds nothing but a place in the gate until its first request has arrived whole
 * ({@link RequestGate}); then it takes one of a fixed number of upload slots, or is answered
 * {@code busy} and closed, and keeps the slot until it closes or idles (see {@link IdleWatchdog}).
 * An upload cap is one token bucket shared by all uploads, so the cap holds however many peers
 * download at once.
 */
public final class FileServer implements AutoCloseable {
    private static final int BACKLOG = 64;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final int port;
    private final int slotCount;
    private final Semaphore slots;
    private final ContentSource content;
    private final TokenBucket uploadCap;
    private final Consumer<String> log;
    private final TransferCodec codec = new TransferCodec();
    private final IdleWatchdog watchdog;
    private final ExecutorService uploads;
    private final RequestGate gate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileServer(ServerSocketChannel listener, ServerSettings settings, ContentSource content, Consumer<String> log)
            throws IOException {
        this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        this.slotCount = settings.slots();
        this.slots = new Semaphore(settings.slots());
        this.content = content;
        this.uploadCap = settings.maxUploadRate() > 0 ? TokenBucket.perSecond(settings.maxUploadRate()) : null;
        this.log = log;
        this.gate = new RequestGate(listener, settings, codec, this::admit, log, "peer-accept-" + port);
        this.watchdog = new IdleWatchdog("peer-upload-watchdog-" + port, settings.requestTimeout(),
                settings.stallTimeout());
        AtomicInteger threads = new AtomicInteger();
        // never more tasks than slots: a task is submitted only with a slot taken
        this.uploads = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> new Thread(task, "peer-upload-" + port + "-" + threads.incrementAndGet()));
    }

    /** Binds and starts serving; fails with an exception naming the host and port it could not bind. */
    public static FileServer start(ServerSettings settings, ContentSource content, Consumer<String> log) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(log, "log");
        ServerSocketChannel listener = ServerSocketChannel.open();
        FileServer server;
        try {
            listener.bind(new InetSocketAddress(settings.bindHost(), settings.port()), BACKLOG);
            server = new FileServer(listener, settings, content, log);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            listener.close();
            String why = e instanceof UnresolvedAddressException ? "unknown host" : e.getMessage();
            throw new IOException("Cannot listen on " + settings.bindHost() + ":" + settings.port() + ": " + why + ".", e);
        }
        server.gate.start();
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

    /** Slots not taken by a connection: one holds its slot from its first request until it is closed. */
    public int freeSlots() {
        return slots.availablePermits();
    }

    /* On the gate's thread: the first request has arrived, so the connection now needs a slot. */
    private void admit(ArrivedRequest arrived) {
        if (!slots.tryAcquire()) {
            log.accept("Refused " + arrived.peer() + ": all " + slotCount + " upload slots are busy.");
            LastReply.sendAndClose(arrived.channel(), codec.encode(TransferReply.failure(TransferReply.BUSY,
                    "All " + slotCount + " upload slots are busy; try again later.")));
            return;
        }
        SocketChannel channel = arrived.channel();
        try {
            channel.configureBlocking(true);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            UploadSession session = new UploadSession(arrived, watchdog.watch(channel), content, uploadCap, codec, log);
            uploads.execute(() -> {
                try {
                    session.run();
                } finally {
                    slots.release();
                }
            });
        } catch (IOException | RuntimeException e) { // RejectedExecutionException: closing
            slots.release();
            closeQuietly(channel);
        }
    }

    /** Stops accepting, closes every open connection and waits (bounded) for the threads to end. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        gate.close();
        watchdog.close();
        uploads.shutdownNow(); // the connections are closed already; the interrupt wakes sessions waiting on the upload cap
        try {
            uploads.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
