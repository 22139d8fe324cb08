package napster.common.protocol;

/** Indexer to every peer, on the control topic: register your whole share again (e.g. the indexer restarted). */
public record Reannounce(String reason) implements Message {
    public Reannounce {
        Fields.text("reason", reason, 200);
    }
}
