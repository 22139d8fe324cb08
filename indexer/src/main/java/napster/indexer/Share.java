package napster.indexer;

/** One registered peer, its files and their total bytes. Guarded by the {@link FileIndex} lock. */
final class Share {
    // volatile: FileIndex.updateFreeSlots swaps it under the read lock
    volatile Peer peer;
    PostingSet files = new PostingSet();
    long bytes;

    Share(Peer peer) {
        this.peer = peer;
    }
}
