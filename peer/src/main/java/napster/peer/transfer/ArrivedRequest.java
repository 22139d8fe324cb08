package napster.peer.transfer;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import napster.common.transfer.TransferRequest;

/**
 * A connection whose first request has arrived whole and valid, as the gate hands it on:
 * no longer registered with the gate's selector, still non-blocking. {@code rest} holds the
 * bytes that came after the request line (pipelined requests), ready to be read.
 */
record ArrivedRequest(SocketChannel channel, String peer, TransferRequest request, ByteBuffer rest) {
}
