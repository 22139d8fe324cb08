package napster.peer.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;

/**
 * The transfer port's front door, one thread: accepts connections and reads the first request
 * line of each without blocking, so a connection that sends nothing holds no upload slot and no
 * upload thread. A valid first request is handed on; junk gets an {@code error} reply and the
 * close. At most {@code pendingLimit} connections wait (a new one pushes out the oldest), each
 * for at most the request timeout.
 */
final class RequestGate implements AutoCloseable {
    private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /* Accepting in small batches lets the requests of connections already accepted be read in between. */
    private static final int ACCEPTS_PER_ROUND = 16;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final PendingConnections<FirstLine> pending;
    private final int pendingLimit;
    private final LongSupplier nanoClock;
    private final RequestDecoder decoder;
    private final TransferCodec codec;
    private final Consumer<ArrivedRequest> handOff;
    private final Consumer<String> log;
    private final Thread thread;
    private final List<SelectionKey> ready = new ArrayList<>();
    private final List<ArrivedRequest> arrived = new ArrayList<>();
    private long acceptResumesAt;
    private boolean acceptPaused;
    private volatile boolean closed;

    /** Takes over {@code listener} (bound): it is closed with the gate. */
    RequestGate(ServerSocketChannel listener, ServerSettings settings, TransferCodec codec,
                Consumer<ArrivedRequest> handOff, Consumer<String> log, String threadName) throws IOException {
        this.listener = listener;
        this.selector = Selector.open();
        try {
            listener.configureBlocking(false);
            this.acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.nanoClock = System::nanoTime;
        this.pending = new PendingConnections<>(settings.pendingLimit(), settings.requestTimeout(), nanoClock);
        this.pendingLimit = settings.pendingLimit();
        this.codec = codec;
        this.decoder = new RequestDecoder(codec);
        this.handOff = handOff;
        this.log = log;
        this.thread = new Thread(this::run, threadName);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(ready::add, selectTimeoutMillis());
                handleReady();
                handOnArrived();
                closeExpired();
                resumeAcceptingIfDue();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.accept("The transfer port stopped accepting connections: " + e.getMessage());
            }
        } finally {
            pending.removeAll().forEach(first -> closeQuietly(first.channel()));
            arrived.forEach(request -> closeQuietly(request.channel()));
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private long selectTimeoutMillis() {
        long nanos = pending.nanosUntilNextExpiry();
        if (acceptPaused) {
            long untilResume = Math.max(0, acceptResumesAt - nanoClock.getAsLong());
            nanos = nanos < 0 ? untilResume : Math.min(nanos, untilResume);
        }
        if (nanos < 0) {
            return 0; // nothing to time out: wait for the next event
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
    }

    private void handleReady() {
        for (SelectionKey key : ready) {
            if (!key.isValid()) {
                continue; // closed meanwhile, e.g. pushed out by a newer connection
            }
            if (key == acceptKey) {
                acceptSome();
            } else if (key.attachment() instanceof FirstLine first && pending.contains(first)) {
                advance(first);
            }
        }
        ready.clear();
    }

    /*
     * A channel must be deregistered before it may block again, and a cancelled key is only
     * deregistered by the next selection: selectNow does that (and notes what became ready).
     */
    private void handOnArrived() throws IOException {
        while (!arrived.isEmpty()) {
            List<ArrivedRequest> leaving = new ArrayList<>(arrived);
            arrived.clear();
            selector.selectNow(ready::add);
            leaving.forEach(handOff);
            handleReady();
        }
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                log.accept("Cannot accept a connection: " + e.getMessage());
                pauseAccepting(); // e.g. out of file handles: do not spin
                return;
            }
            if (channel == null) {
                return;
            }
            welcome(channel);
        }
    }

    private void welcome(SocketChannel channel) {
        String peer = describe(channel);
        log.accept("[*] Got a connection from " + peer);
        try {
            makeRoom();
            channel.configureBlocking(false);
            FirstLine first = new FirstLine(channel, peer);
            channel.register(selector, SelectionKey.OP_READ, first);
            pending.add(first);
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    /* The oldest may have sent its request just now, unread as yet: read it once before closing it. */
    private void makeRoom() {
        while (pending.isFull()) {
            FirstLine oldest = pending.oldest();
            advance(oldest);
            if (pending.remove(oldest)) {
                closeQuietly(oldest.channel());
                log.accept("Closed the waiting connection from " + oldest.peer() + ": " + pendingLimit
                        + " newer connections wait for their first request.");
            }
        }
    }

    private void advance(FirstLine first) {
        try {
            switch (first.read()) {
                case WAITING -> { }
                case ENDED -> drop(first, first.started() ? "the stream ended inside a request line" : null);
                case COMPLETE -> {
                    ArrivedRequest request = new ArrivedRequest(first.channel(), first.peer(),
                            decoder.decode(first.line()), first.rest());
                    pending.remove(first);
                    first.channel().keyFor(selector).cancel();
                    arrived.add(request);
                }
            }
        } catch (ProtocolException e) {
            log.accept("Refused a bad request from " + first.peer() + ": " + e.getMessage());
            pending.remove(first);
            LastReply.sendAndClose(first.channel(), codec.encode(TransferReply.failure(TransferReply.ERROR,
                    e.getMessage())));
        } catch (IOException | RuntimeException e) { // whatever one connection does costs only that connection
            drop(first, e.getMessage());
        }
    }

    private void drop(FirstLine first, String why) {
        pending.remove(first);
        closeQuietly(first.channel());
        if (why != null) {
            log.accept("Lost the connection to " + first.peer() + ": " + why);
        }
    }

    private void closeExpired() {
        for (FirstLine first : pending.removeExpired()) {
            closeQuietly(first.channel());
            log.accept("Closed the idle connection from " + first.peer() + ".");
        }
    }

    private void pauseAccepting() {
        acceptKey.interestOps(0);
        acceptPaused = true;
        acceptResumesAt = nanoClock.getAsLong() + ACCEPT_BACKOFF.toNanos();
    }

    private void resumeAcceptingIfDue() {
        if (acceptPaused && nanoClock.getAsLong() - acceptResumesAt >= 0) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Stops accepting, closes every connection still waiting and waits (bounded) for the thread to end. */
    @Override
    public void close() {
        closed = true;
        if (thread.getState() == Thread.State.NEW) {
            closeQuietly(listener);
            closeQuietly(selector);
            return;
        }
        selector.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(SocketChannel channel) {
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

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
