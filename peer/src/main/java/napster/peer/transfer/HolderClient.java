package napster.peer.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.LongConsumer;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;
import napster.peer.share.FileHasher;

/**
 * Speaks the transfer protocol to one holder. Anything the holder gets wrong becomes a
 * {@link HolderFailure}; a plain {@link IOException} means trouble on this side (the disk).
 */
final class HolderClient {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final TransferCodec codec = new TransferCodec();

    HolderClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Streams the whole content into {@code partial}, hashing as it goes; ok only if the SHA-256 matches. */
    void fetch(Holder holder, FileHit hit, Path partial, ByteBuffer buffer, LongConsumer progress)
            throws HolderFailure, IOException {
        try (TimedChannel channel = connect(holder)) {
            buffer.clear().limit(0);
            TransferReply reply = exchange(channel, TransferRequest.get(hit.sha256(), 0, hit.size()), buffer);
            if (!reply.isOk()) {
                throw new HolderFailure(describe(reply));
            }
            if (reply.length() == null || reply.length() != hit.size()) {
                throw new HolderFailure("offered " + reply.length() + " bytes instead of " + hit.size());
            }
            receive(channel, buffer, hit, partial, progress);
        }
    }

    /** The time from sending a ping to its answer. */
    Duration ping(Holder holder) throws HolderFailure, IOException {
        try (TimedChannel channel = connect(holder)) {
            long start = System.nanoTime();
            TransferReply reply = exchange(channel, TransferRequest.ping(), ByteBuffer.allocate(TransferCodec.MAX_LINE_BYTES).limit(0));
            if (!reply.isOk()) {
                throw new HolderFailure(describe(reply));
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private TimedChannel connect(Holder holder) throws HolderFailure, InterruptedIOException {
        try {
            return TimedChannel.connect(new InetSocketAddress(holder.host(), holder.port()), connectTimeout, readTimeout);
        } catch (UnresolvedAddressException e) {
            throw new HolderFailure("unknown host", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /* Sends one request line and reads the status line; any bytes after it stay in {@code buffer}. */
    private TransferReply exchange(TimedChannel channel, TransferRequest request, ByteBuffer buffer)
            throws HolderFailure, InterruptedIOException {
        try {
            channel.writeFully(ByteBuffer.wrap(codec.encode(request)));
            byte[] line = TransferCodec.readLine(channel, buffer);
            if (line == null) {
                throw new HolderFailure("closed the connection without answering");
            }
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

    private void receive(TimedChannel channel, ByteBuffer buffer, FileHit hit, Path partial, LongConsumer progress)
            throws HolderFailure, IOException {
        MessageDigest digest = FileHasher.newDigest();
        long size = hit.size();
        long received = 0;
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            while (received < size) {
                if (!buffer.hasRemaining() && readMore(channel, buffer) < 0) {
                    throw new HolderFailure("closed the connection after " + received + " of " + size + " bytes");
                }
                int take = (int) Math.min(buffer.remaining(), size - received);
                ByteBuffer chunk = buffer.slice(buffer.position(), take);
                digest.update(chunk.duplicate());
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                buffer.position(buffer.position() + take);
                received += take;
                progress.accept(received);
            }
            out.force(true);
        }
        if (!FileHasher.hex(digest).equals(hit.sha256())) {
            throw new HolderFailure("wrong SHA-256");
        }
    }

    private static int readMore(TimedChannel channel, ByteBuffer buffer) throws HolderFailure, InterruptedIOException {
        try {
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            return read;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /* An interrupt is the caller giving up, not the holder failing: it passes through. */
    private static HolderFailure failure(IOException e) throws InterruptedIOException {
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
            case TransferReply.ERROR -> "error: " + (reply.message() == null ? "no reason given" : stripPeriod(reply.message()));
            default -> "answered " + reply.status();
        };
    }

    private static String stripPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
