package napster.common.protocol;

/** The indexer's reply to register, update and unregister: the peer's id and how many files it now has indexed. */
public record Ack(int peerId, int files) implements Message {
    public Ack {
        Fields.positive("peerId", peerId);
        Fields.nonNegative("files", files);
    }
}
