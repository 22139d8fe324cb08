package napster.peer.index;

/** The indexer does not know this peer's key (it restarted or expired the peer): register again. */
public class UnknownPeerException extends IndexException {
    public UnknownPeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
