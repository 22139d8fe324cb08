package napster.common.protocol;

/** A message that cannot be decoded: malformed JSON, an unknown type or an invalid field. */
public class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
