package napster.peer.transfer;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import napster.common.protocol.Holder;

/**
 * A worker's way to one holder: its current connection, dialed afresh once when the holder
 * closed it while nothing was asked. Holders close connections that sit idle between requests,
 * and a worker waits, idle, for chunks that may come back from others (the end game) or for its
 * group's turn. A holder that fails again before answering on the fresh connection is not
 * dialed again. Not thread-safe: one worker owns it.
 */
final class HolderLink implements AutoCloseable {
    /** Opens a fresh connection to a holder (the chunk hashes are known: no {@code info} needed). */
    @FunctionalInterface
    interface Dialer {
        HolderConnection dial(Holder holder) throws HolderFailure, InterruptedIOException;
    }

    private final Holder holder;
    private final Dialer dialer;
    private HolderConnection connection;
    private boolean redialed;
    private int redials;

    HolderLink(HolderConnection connection, Dialer dialer) {
        this.holder = connection.holder();
        this.connection = connection;
        this.dialer = dialer;
    }

    Holder holder() {
        return holder;
    }

    void requestBytes(String sha256, long offset, long length) throws HolderFailure, InterruptedIOException {
        connection.requestBytes(sha256, offset, length);
    }

    void awaitBytes(long length) throws HolderFailure, InterruptedIOException {
        connection.awaitBytes(length);
        redialed = false; // the holder answered on this connection: it may idle out and be dialed again later
    }

    int readInto(ByteBuffer target) throws HolderFailure, InterruptedIOException {
        return connection.readInto(target);
    }

    /**
     * After {@code failure}: if the holder answered nothing since the connection went idle, and
     * this is not already a fresh connection that failed before its first answer, closes it and
     * dials a new one (the caller sends its unanswered requests again). Otherwise rethrows.
     */
    void redialAfter(HolderFailure failure) throws HolderFailure, InterruptedIOException {
        if (!connection.quietSinceIdle() || redialed) {
            throw failure;
        }
        connection.close();
        connection = dialer.dial(holder);
        redialed = true;
        redials++;
    }

    /** How many times the holder was dialed again. */
    int redials() {
        return redials;
    }

    @Override
    public void close() {
        connection.close();
    }
}
