package napster.peer.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.ChunkHashes;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;

/**
 * One connection to a holder, speaking the transfer protocol: {@code ping}, {@code info} and
 * {@code get}s of byte ranges, which may be pipelined (sent before the bytes of the previous
 * one are read; the holder answers in order). Anything the holder gets wrong becomes a
 * {@link HolderFailure}, and so does a holder that sends too slowly ({@link HolderPace}). Not
 * thread-safe: one worker owns it.
 */
final class HolderConnection implements AutoCloseable {
    /* Refuses an info answer claiming more hash bytes than any sane chunking of the content needs. */
    private static final long MAX_HASH_BYTES = 64L << 20;

    private final Holder holder;
    private final TimedChannel channel;
    private final PacedReads paced;
    private final ByteBuffer buffer;
    private final TransferCodec codec = new TransferCodec();
    /* Requests sent whose answers are not wholly read yet, and how much of the current body is left. */
    private int unanswered;
    private long bodyLeft;
    private boolean quiet = true;

    private HolderConnection(Holder holder, TimedChannel channel, HolderPace pace, int bufferBytes) {
        this.holder = holder;
        this.channel = channel;
        this.paced = new PacedReads(channel, pace);
        this.buffer = ByteBuffer.allocateDirect(Math.max(TransferCodec.MAX_LINE_BYTES, bufferBytes));
        this.buffer.limit(0);
    }

    static HolderConnection open(Holder holder, DownloadSettings settings, int bufferBytes)
            throws HolderFailure, InterruptedIOException {
        try {
            return new HolderConnection(holder, TimedChannel.connect(new InetSocketAddress(holder.host(), holder.port()),
                    settings.connectTimeout(), settings.readTimeout()), settings.newPace(), bufferBytes);
        } catch (UnresolvedAddressException e) {
            throw new HolderFailure("unknown host", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    Holder holder() {
        return holder;
    }

    /**
     * True while the holder has answered nothing since this connection last had nothing asked (or
     * since it opened): a failure now may only mean that the holder closed it for idling.
     */
    boolean quietSinceIdle() {
        return quiet;
    }

    /**
     * The round trip of a ping on this connection. The first ping also waits for the holder to
     * take the connection on (and for both sides' code to warm up), so the second one is timed.
     */
    Duration ping() throws HolderFailure, InterruptedIOException {
        pingOnce();
        long start = System.nanoTime();
        pingOnce();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void pingOnce() throws HolderFailure, InterruptedIOException {
        send(TransferRequest.ping());
        TransferReply reply = readStatus();
        if (!reply.isOk()) {
            throw new HolderFailure(describe(reply));
        }
        answered();
    }

    /** The size and chunk hashes the holder has for {@code sha256}. */
    ChunkHashes info(String sha256) throws HolderFailure, InterruptedIOException {
        send(TransferRequest.info(sha256));
        TransferReply reply = readStatus();
        if (!reply.isOk()) {
            throw new HolderFailure(describe(reply));
        }
        if (reply.length() == null || reply.size() == null || reply.chunkSize() == null
                || reply.length() < 0 || reply.length() > MAX_HASH_BYTES || reply.length() % ChunkHashes.HASH_BYTES != 0) {
            throw new HolderFailure("sent a malformed info answer");
        }
        byte[] hashes = new byte[Math.toIntExact(reply.length())];
        ByteBuffer target = ByteBuffer.wrap(hashes);
        while (target.hasRemaining()) {
            if (!buffer.hasRemaining() && fill() < 0) {
                throw new HolderFailure("closed the connection inside its info answer");
            }
            int take = Math.min(buffer.remaining(), target.remaining());
            target.put(buffer.slice(buffer.position(), take));
            buffer.position(buffer.position() + take);
        }
        answered();
        try {
            return ChunkHashes.of(reply.size(), reply.chunkSize(), hashes);
        } catch (IllegalArgumentException e) {
            throw new HolderFailure("sent inconsistent chunk hashes (" + e.getMessage() + ")", e);
        }
    }

    /** Sends a get for {@code length} bytes at {@code offset}; its answer is read by {@link #awaitBytes}. */
    void requestBytes(String sha256, long offset, long length) throws HolderFailure, InterruptedIOException {
        send(TransferRequest.get(sha256, offset, length));
    }

    /** Reads the status line of the oldest outstanding get: the holder must offer exactly {@code length} bytes. */
    void awaitBytes(long length) throws HolderFailure, InterruptedIOException {
        TransferReply reply = readStatus();
        if (!reply.isOk()) {
            throw new HolderFailure(describe(reply));
        }
        if (reply.length() == null || reply.length() != length) {
            throw new HolderFailure("offered " + reply.length() + " bytes instead of " + length);
        }
        bodyLeft = length;
        if (length == 0) {
            answered();
        }
    }

    /**
     * Reads body bytes straight into {@code target} (up to its limit): first what is already
     * buffered, then from the socket with no copy in between. Returns how many arrived; fails
     * when the holder hangs up.
     */
    int readInto(ByteBuffer target) throws HolderFailure, InterruptedIOException {
        int read = bodyBytesInto(target);
        bodyLeft -= read;
        if (bodyLeft == 0) {
            answered();
        }
        return read;
    }

    private int bodyBytesInto(ByteBuffer target) throws HolderFailure, InterruptedIOException {
        if (buffer.hasRemaining()) {
            int take = Math.min(buffer.remaining(), target.remaining());
            target.put(buffer.slice(buffer.position(), take));
            buffer.position(buffer.position() + take);
            return take;
        }
        try {
            int read = paced.read(target);
            if (read < 0) {
                throw new HolderFailure("closed the connection early");
            }
            return read;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void send(TransferRequest request) throws HolderFailure, InterruptedIOException {
        unanswered++;
        try {
            channel.writeFully(ByteBuffer.wrap(codec.encode(request)));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /* One more answer wholly read; with none left outstanding the connection is idle again. */
    private void answered() {
        unanswered--;
        if (unanswered == 0) {
            quiet = true;
        }
    }

    private TransferReply readStatus() throws HolderFailure, InterruptedIOException {
        try {
            byte[] line = TransferCodec.readLine(paced, buffer);
            if (line == null) {
                throw new HolderFailure("closed the connection without answering");
            }
            quiet = false;
            TransferReply reply = codec.decode(line, TransferReply.class);
            if (reply == null) {
                throw new HolderFailure("sent a malformed reply");
            }
            return reply;
        } catch (ProtocolException e) {
            throw new HolderFailure("sent a malformed reply", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private int fill() throws HolderFailure, InterruptedIOException {
        try {
            buffer.clear();
            int read = paced.read(buffer);
            buffer.flip();
            return read;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        channel.close();
    }

    /* Reads from the holder, timing each read for its pace; a holder below the floor fails the read. */
    private static final class PacedReads implements ReadableByteChannel {
        private final TimedChannel channel;
        private final HolderPace pace;

        PacedReads(TimedChannel channel, HolderPace pace) {
            this.channel = channel;
            this.pace = pace;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            long began = System.nanoTime();
            int read = channel.read(target);
            String tooSlow = pace.read(read, System.nanoTime() - began);
            if (tooSlow != null) {
                throw new IOException(tooSlow);
            }
            return read;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            channel.close();
        }
    }

    /* An interrupt is the caller giving up, not the holder failing: it passes through. */
    static HolderFailure failure(IOException e) throws InterruptedIOException {
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            throw (InterruptedIOException) e;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
        if (e instanceof ConnectException) {
            return new HolderFailure("connection refused", e);
        }
        if (e instanceof NoRouteToHostException) {
            return new HolderFailure("no route to host", e);
        }
        if (e instanceof EOFException) {
            return new HolderFailure("closed the connection early", e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new HolderFailure(Character.toLowerCase(message.charAt(0)) + message.substring(1), e);
    }

    private static String describe(TransferReply reply) {
        return switch (reply.status()) {
            case TransferReply.NOT_FOUND -> "not shared there";
            case TransferReply.BUSY -> "all upload slots busy";
            case TransferReply.ERROR -> "error: " + (reply.message() == null ? "no reason given"
                    : stripPeriod(reply.message()));
            default -> "answered " + reply.status();
        };
    }

    private static String stripPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
