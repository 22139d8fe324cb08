package napster.peer.transfer;

import napster.common.protocol.ProtocolException;
import napster.common.transfer.TransferCodec;
import napster.common.transfer.TransferRequest;

/** Turns a request line into a request, or says in one sentence why it is none. Thread-safe. */
final class RequestDecoder {
    private final TransferCodec codec;

    RequestDecoder(TransferCodec codec) {
        this.codec = codec;
    }

    TransferRequest decode(byte[] line) throws ProtocolException {
        TransferRequest request = codec.decode(line, TransferRequest.class);
        if (request == null) {
            throw new ProtocolException("The line is not a request.");
        }
        return request;
    }
}
