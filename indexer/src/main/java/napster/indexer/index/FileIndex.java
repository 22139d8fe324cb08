package napster.indexer.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.function.IntFunction;
import napster.common.protocol.SharedFile;
import napster.common.query.SearchRequest;

/**
 * Who shares what, and the searches over it: the seam between the indexer's service and its
 * search engine. Peers are known to it by id only (the service keeps who they are); a peer's
 * files are told apart by name and SHA-256. Changes become visible to searches a moment after
 * they are made (at most {@link LuceneFileIndex#REFRESH_EVERY_MILLIS} ms plus a refresh);
 * {@link #afterChangesVisible} runs what must wait for that. Thread-safe.
 */
public interface FileIndex extends AutoCloseable {
    /** The most files one search reads before it answers with what it found, marked partial. */
    int DEFAULT_MAX_CANDIDATES = 100_000;

    /** An index held in memory, gone when closed. */
    static FileIndex inMemory() {
        return inMemory(DEFAULT_MAX_CANDIDATES);
    }

    static FileIndex inMemory(int maxCandidates) {
        return LuceneFileIndex.inMemory(maxCandidates);
    }

    /**
     * The index kept in {@code folder}: what was committed there last (files, and the state saved
     * with them, see {@link #keepState}), or empty if nothing was; the folder is created if
     * missing. Changes are committed every {@value LuceneFileIndex#COMMIT_EVERY_SECONDS} s while
     * there are any, and on close.
     *
     * @throws IOException if the folder cannot be used, e.g. another indexer keeps its index there
     */
    static FileIndex open(Path folder) throws IOException {
        return LuceneFileIndex.open(folder, DEFAULT_MAX_CANDIDATES);
    }

    /**
     * Makes {@code files} the peer's whole share. Files it shared before and still shares keep
     * their first {@code sharedAt}; a file listed twice counts once.
     *
     * @return added: the files as listed (without duplicates); removed: those it no longer shares
     */
    ShareChange replace(int peerId, Collection<SharedFile> files, Instant sharedAt);

    /**
     * Drops {@code removed}, then adds {@code added}, in one step that searches see whole.
     *
     * @return the changes actually made: files not shared are not "removed", files already shared are not "added"
     */
    ShareChange update(int peerId, Collection<SharedFile> added, Collection<SharedFile> removed, Instant sharedAt);

    /** Drops every file of the peer; how many it had. */
    int removePeer(int peerId);

    /** Drops the files of every peer {@code known} does not know (after a restart: peers not saved with them). */
    void retainPeers(java.util.function.IntPredicate known);

    int fileCount(int peerId);

    /** Bytes of the peer's files together. */
    long bytes(int peerId);

    /** Files indexed, one per peer and name and content. */
    long files();

    /** Distinct contents. */
    long contents();

    /** Heap the index takes, estimated from what it holds (see the indexer's budget). */
    long heapBytes();

    /** The segments searches read now (each costs a search a term lookup per word). */
    int segments();

    /** Whether segments are being merged in the background now. */
    boolean merging();

    /**
     * Answers a search as the text of its {@code searchResult} reply, holders described by
     * {@code peers} (a peer it does not know is left out).
     */
    EncodedSearchResult search(SearchRequest request, String echoedQuery, IntFunction<Peer> peers);

    /**
     * One page of a peer's files in name order, the text of its {@code browseResult} reply:
     * at most {@code limit} files that come after the named one ({@code afterName} and
     * {@code afterSha256} both null: from the first).
     */
    EncodedBrowseResult browse(int peerId, String afterName, String afterSha256, int limit);

    /** The state committed with the files when the index was last closed or committed; empty if none. */
    String savedState();

    /**
     * What to commit with the files from now on: {@code state} is asked, with no change in
     * progress, at each commit (the service saves its peers so a restart knows them).
     */
    void keepState(java.util.function.Supplier<String> state);

    /** Runs {@code action}, on the index's own thread, once every change made so far is visible to searches. */
    void afterChangesVisible(Runnable action);

    /** Waits until every change made so far is visible to searches. */
    void awaitChangesVisible();

    /** Makes visible what is pending, runs what waits for it, and closes the index (keeping it on disk if it has a folder). */
    @Override
    void close();
}
