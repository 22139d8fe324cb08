package napster.common.jms;

import napster.common.protocol.ErrorReply;

/** The responder answered a request with an error reply. */
public class RemoteErrorException extends Exception {
    private final ErrorReply reply;

    public RemoteErrorException(ErrorReply reply) {
        super(reply.message());
        this.reply = reply;
    }

    public ErrorReply reply() {
        return reply;
    }
}
