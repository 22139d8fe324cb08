package napster.broker;

/** The broker could not start; the message is one sentence for a person, saying what to change. */
public class BrokerStartException extends Exception {
    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
