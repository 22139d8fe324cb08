package napster.common.query;

/** A query that cannot be searched for; the message is one sentence for the user. */
public final class BadQueryException extends IllegalArgumentException {
    public BadQueryException(String sentence) {
        super(sentence);
    }
}
