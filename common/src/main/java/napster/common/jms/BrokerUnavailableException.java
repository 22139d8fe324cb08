package napster.common.jms;

/** The broker cannot be reached or refused the login; the message is one sentence for a person. */
public class BrokerUnavailableException extends Exception {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
