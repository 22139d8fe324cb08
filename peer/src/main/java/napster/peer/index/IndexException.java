package napster.peer.index;

/** The index could not answer: no reply in time, an error reply, or a lost broker; one sentence for a person. */
public class IndexException extends Exception {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
