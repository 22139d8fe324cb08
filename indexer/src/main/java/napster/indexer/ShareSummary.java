package napster.indexer;

/** One registered peer and the size of its share: files indexed and their total bytes. */
public record ShareSummary(Peer peer, int files, long bytes) {
}
