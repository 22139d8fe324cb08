package napster.indexer.service;

/** Sizes of the index: registered peers, indexed files (one per peer and name+content) and distinct contents. */
public record IndexStats(int peers, long files, long contents) {
}
