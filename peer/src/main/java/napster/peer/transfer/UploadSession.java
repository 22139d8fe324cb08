package napster.peer.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.function.Consumer;
import napster.common.protocol.ProtocolException;
import napster.common.transfer.ChunkHashes;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferReply;
import napster.common.transfer.TransferRequest;
import napster.peer.share.SharedEntry;

/**
 * Serves the requests of one connection, one after the other, starting with the first one the
 * gate read: each request is a JSON line, each answer a JSON status line, after an ok {@code get}
 * followed by the raw bytes, after an ok {@code info} by the chunk hashes. A malformed request
 * gets an error reply and ends the connection. With an upload cap, every slice of file bytes
 * first takes its tokens from the server-wide bucket.
 */
final class UploadSession implements Runnable {
    /* Small enough that a slow but steady reader still counts as making progress. */
    private static final long SEND_SLICE_BYTES = 256 * 1024;
    private static final String CHANGED = "That content changed on disk since it was shared.";
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final SocketChannel channel;
    private final String peer;
    private final TransferRequest first;
    private final IdleWatchdog.Watch watch;
    private final ContentSource content;
    private final TokenBucket uploadCap;
    private final TransferCodec codec;
    private final RequestDecoder decoder;
    private final Consumer<String> log;
    /* Bytes after a request line (the next, pipelined request) stay here for the next readLine. */
    private final ByteBuffer input;

    /** {@code uploadCap} is shared by all uploads of the server; null means no cap. */
    UploadSession(ArrivedRequest arrived, IdleWatchdog.Watch watch, ContentSource content, TokenBucket uploadCap,
                  TransferCodec codec, Consumer<String> log) {
        this.channel = arrived.channel();
        this.peer = arrived.peer();
        this.first = arrived.request();
        this.input = arrived.rest();
        this.watch = watch;
        this.content = content;
        this.uploadCap = uploadCap;
        this.codec = codec;
        this.decoder = new RequestDecoder(codec);
        this.log = log;
    }

    @Override
    public void run() {
        try {
            boolean open = serve(first);
            while (open) {
                TransferRequest next = readRequest();
                open = next != null && serve(next);
            }
        } catch (IOException | RuntimeException e) {
            if (!watch.expired() && channel.isOpen()) { // else the watchdog or a shutdown closed it
                log.accept("Lost the connection to " + peer + ": " + e.getMessage());
            }
        } finally {
            if (watch.expired()) { // seen as an exception or as a plain end of stream, depending on timing
                log.accept("Closed the idle connection from " + peer + ": " + watch.expiry() + ".");
            }
            watch.close();
            closeQuietly(channel);
        }
    }

    /* The next request, or null when the client ended the connection or sent a bad line (answered). */
    private TransferRequest readRequest() throws IOException {
        watch.awaitRequest();
        try {
            byte[] line = TransferCodec.readLine(channel, input);
            return line == null ? null : decoder.decode(line);
        } catch (ProtocolException e) {
            watch.touch();
            log.accept("Refused a bad request from " + peer + ": " + e.getMessage());
            reply(TransferReply.failure(TransferReply.ERROR, e.getMessage()));
            return null;
        }
    }

    /* Answers one request; false when the answer ends the connection. */
    private boolean serve(TransferRequest request) throws IOException {
        watch.touch(); // answering: from now on the client only has to keep taking bytes
        if (TransferRequest.PING.equals(request.op())) {
            reply(TransferReply.pong());
            return true;
        }
        Optional<SharedEntry> found = content.find(request.sha256());
        if (found.isEmpty()) {
            reply(TransferReply.failure(TransferReply.NOT_FOUND, "This peer does not share that content."));
            return true;
        }
        return TransferRequest.INFO.equals(request.op()) ? serveInfo(found.get()) : serveGet(request, found.get());
    }

    /* Checked like a get, so a peer never vouches for chunk hashes of content that changed on disk. */
    private boolean serveInfo(SharedEntry entry) throws IOException {
        try (FileChannel file = CataloguedFile.openIfUnchanged(entry)) {
            if (file == null) {
                reply(TransferReply.failure(TransferReply.NOT_FOUND, CHANGED));
                return true;
            }
        }
        ChunkHashes hashes = entry.chunkHashes();
        writeFully(ByteBuffer.wrap(codec.encode(TransferReply.info(hashes))), ByteBuffer.wrap(hashes.bytes()));
        return true;
    }

    private boolean serveGet(TransferRequest request, SharedEntry entry) throws IOException {
        long offset = request.offset();
        long length = request.length();
        if (offset > entry.size() || length > entry.size() - offset) { // no offset + length: it may overflow
            reply(TransferReply.failure(TransferReply.ERROR, "A range of " + length + " bytes at offset " + offset
                    + " lies beyond the end of the " + entry.size() + "-byte content."));
            return false;
        }
        try (FileChannel file = CataloguedFile.openIfUnchanged(entry)) {
            if (file == null) {
                reply(TransferReply.failure(TransferReply.NOT_FOUND, CHANGED));
                return true;
            }
            reply(TransferReply.ok(length));
            send(file, offset, length, entry);
        }
        log.accept("Done sending " + entry.name() + " (" + length + " bytes) to " + peer);
        return true;
    }

    /* Zero-copy either way: with a cap, slices are as large as the bucket suggests and paid for before they go. */
    private void send(FileChannel file, long offset, long length, SharedEntry entry) throws IOException {
        long sliceBytes = uploadCap == null ? SEND_SLICE_BYTES : uploadCap.sliceBytes();
        long position = offset;
        long end = offset + length;
        long paid = 0; // tokens taken for bytes not sent yet (transferTo may send less than asked)
        while (position < end) {
            long slice = Math.min(sliceBytes, end - position);
            if (uploadCap != null && paid < slice) {
                pay(slice - paid);
                paid = slice;
            }
            long sent = file.transferTo(position, slice, channel);
            if (sent <= 0) {
                throw new EOFException(entry.name() + " shrank while it was being sent");
            }
            position += sent;
            paid = Math.max(0, paid - sent);
            watch.touch();
        }
    }

    private void pay(long bytes) throws IOException {
        watch.pause(); // waiting on our own cap is not the client idling
        try {
            uploadCap.take(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for the upload cap");
        } finally {
            watch.touch();
        }
    }

    private void reply(TransferReply reply) throws IOException {
        writeFully(ByteBuffer.wrap(codec.encode(reply)), NOTHING);
    }

    /*
     * The status line and the first slice of what follows leave in one gathering write; each
     * slice the client takes counts as progress, so a slow but steady reader of a long answer
     * is not taken for a stalled one.
     */
    private void writeFully(ByteBuffer statusLine, ByteBuffer body) throws IOException {
        ByteBuffer slice = body.duplicate();
        ByteBuffer[] both = {statusLine, slice};
        do {
            slice.limit((int) Math.min(body.limit(), slice.position() + SEND_SLICE_BYTES));
            while (statusLine.hasRemaining() || slice.hasRemaining()) {
                channel.write(both);
            }
            watch.touch();
        } while (slice.limit() < body.limit());
    }

    private static void closeQuietly(Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }
}
