package napster.common.protocol;

/** A peer leaves: the indexer forgets it and all its files at once. */
public record Unregister(String peerKey) implements Message {
    public Unregister {
        Fields.peerKey("peerKey", peerKey);
    }
}
