package napster.indexer.index;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongHashSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import napster.common.protocol.SharedFile;
import napster.common.query.SearchQuery;
import napster.common.query.SearchRequest;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FileIndex} on Apache Lucene: one document per peer and file ({@link FileFields}),
 * near-real-time searchers refreshed by {@link Refresher}, and who holds what in
 * {@link Holdings} on the heap. Each change is one call to the writer, which a refresh never
 * splits, so searches see a change whole or not at all.
 */
final class LuceneFileIndex implements FileIndex {
    /** How long a change may wait before a refresh makes it visible to searches. */
    static final long REFRESH_EVERY_MILLIS = 25;
    // Lucene's buffer for documents not yet written to a segment
    private static final double RAM_BUFFER_MB = 32;
    private static final int SEGMENTS_PER_TIER = 4;
    // up to this many hits per result asked for, all are sorted rather than kept in a heap
    private static final int SORT_ALL_PER_RESULT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(LuceneFileIndex.class);

    /** How often changes are committed to disk while there are any (and when the index closes). */
    static final long COMMIT_EVERY_SECONDS = 30;
    // the commit user data key of the saved state
    private static final String STATE = "napster.state";
    // the commit user data key of the document layout; an index of another layout is started afresh
    private static final String FORMAT = "napster.format";
    /** The layout of {@link FileFields} documents; raised whenever it changes. */
    private static final String FORMAT_VERSION = "3";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Holdings holdings = new Holdings();
    private final ReadWriteLock holdingsLock = new ReentrantReadWriteLock();
    // held by each change batch and by each refresh
    private final ReentrantLock changes = new ReentrantLock();
    private final Refresher refresher;
    private final int maxCandidates;
    // reused document after document, by one change at a time
    private final WordTokens tokens = new WordTokens();
    private volatile long changeCount; // written under changes
    private final boolean kept; // in a folder, committed
    private final String savedState;
    private volatile Supplier<String> state = () -> "";
    // one commit at a time, on a thread of its own (the scheduled ones, then the last at close)
    private final Object committing = new Object();
    private long committedCount; // guarded by committing
    private final ScheduledExecutorService committer;

    private LuceneFileIndex(Directory directory, boolean kept, int maxCandidates) throws IOException {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("a search must be allowed at least one candidate");
        }
        this.directory = directory;
        this.maxCandidates = maxCandidates;
        this.kept = kept;
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(kept && sameFormat(directory)
                        ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB).setUseCompoundFile(false).setMergePolicy(mergePolicy());
        this.writer = new IndexWriter(directory, config);
        Map<String, String> committed = new HashMap<>();
        writer.getLiveCommitData().forEach(entry -> committed.put(entry.getKey(), entry.getValue()));
        this.savedState = committed.getOrDefault(STATE, "");
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null); // queries rarely repeat: caching them costs more than it saves
                return searcher;
            }
        });
        restoreHoldings();
        this.refresher = Refresher.start(this::refresh, REFRESH_EVERY_MILLIS);
        this.committer = kept ? committer(this) : null;
    }

    /* Commits every COMMIT_EVERY_SECONDS off the refresh thread: a commit syncs files to disk and may take long. */
    private static ScheduledExecutorService committer(LuceneFileIndex index) {
        ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "indexer-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(() -> {
            try {
                index.commit();
            } catch (IOException | RuntimeException e) {
                LOG.error("Committing the index to disk failed; trying again later", e);
            }
        }, COMMIT_EVERY_SECONDS, COMMIT_EVERY_SECONDS, TimeUnit.SECONDS);
        return committer;
    }

    /*
     * Whether the folder holds no index or one of this layout: documents of an older layout
     * cannot be read as this one, so such an index is replaced, peers and all (they share again
     * when they next register).
     */
    private static boolean sameFormat(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        String format = SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT);
        return FORMAT_VERSION.equals(format);
    }

    /* Who holds what, read back from the committed documents (nothing for a new index). */
    private void restoreHoldings() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                NumericDocValues keys = DocValues.getNumeric(leaf.reader(), FileFields.KEY);
                org.apache.lucene.index.BinaryDocValues records = DocValues.getBinary(leaf.reader(),
                        FileFields.RECORD);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc) || !keys.advanceExact(doc) || !records.advanceExact(doc)) {
                        continue;
                    }
                    BytesRef record = records.binaryValue();
                    holdings.add(FileRecord.peer(record), keys.longValue(), FileKey.content(FileRecord.sha(record, 0),
                            FileRecord.sha(record, 1), FileRecord.sha(record, 2), FileRecord.sha(record, 3)),
                            FileRecord.size(record));
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Fewer segments than Lucene's default (4 a tier instead of 10): a search pays a term lookup
     * per segment and word, which for short queries costs more than reading the matches. On
     * 1M files BENCHMARKS.md measured 10 segments against 14, and shorter searches, for the
     * same registration rate.
     */
    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(SEGMENTS_PER_TIER);
        policy.setNoCFSRatio(0); // no compound files: one copy less per merge
        return policy;
    }

    static LuceneFileIndex inMemory(int maxCandidates) {
        try {
            return new LuceneFileIndex(new ByteBuffersDirectory(), false, maxCandidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LuceneFileIndex open(Path folder, int maxCandidates) throws IOException {
        Files.createDirectories(folder);
        MMapDirectory directory = new MMapDirectory(folder);
        try {
            return open(directory, maxCandidates);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            directory.close();
            throw new IOException("another indexer keeps its index in " + folder + "; give this one another folder", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** An index kept in {@code directory}: committed every {@link #COMMIT_EVERY_SECONDS} and when it closes. */
    static LuceneFileIndex open(Directory directory, int maxCandidates) throws IOException {
        return new LuceneFileIndex(directory, true, maxCandidates);
    }

    @Override
    public ShareChange replace(int peerId, Collection<SharedFile> files, Instant sharedAt) {
        return change(() -> {
            LongHashSet keys = new LongHashSet(files.size());
            List<SharedFile> listed = new ArrayList<>(files.size());
            for (SharedFile file : files) {
                if (keys.add(FileKey.of(file.name(), file.sha256()))) {
                    listed.add(file);
                }
            }
            List<SharedFile> dropped = new ArrayList<>();
            LongArrayList droppedKeys = new LongArrayList();
            if (holdings.fileCount(peerId) > 0) {
                dropAllBut(peerId, keys, dropped, droppedKeys);
            }
            List<SharedFile> fresh = new ArrayList<>();
            LongArrayList freshKeys = new LongArrayList();
            write(() -> {
                for (SharedFile file : listed) {
                    long key = FileKey.of(file.name(), file.sha256());
                    if (holdings.add(peerId, key, FileKey.content(file.sha256()), file.size())) {
                        fresh.add(file);
                        freshKeys.add(key);
                    }
                }
            });
            apply(peerId, droppedKeys, fresh, freshKeys, sharedAt);
            return new ShareChange(holdingsRead(() -> holdings.fileCount(peerId)), listed, dropped);
        });
    }

    /* Finds the peer's files whose keys are not in {@code kept} and drops them from the holdings. Call while changing. */
    private void dropAllBut(int peerId, LongHashSet kept, List<SharedFile> dropped, LongArrayList droppedKeys)
            throws IOException {
        searchers.maybeRefreshBlocking(); // its files from earlier batches, all of them
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs all = searcher.search(new TermQuery(FileFields.peer(peerId)), Integer.MAX_VALUE);
            int[] docs = Arrays.stream(all.scoreDocs).mapToInt(hit -> hit.doc).toArray();
            DocReads files = DocReads.of(searcher.getIndexReader().leaves(), docs, docs.length);
            write(() -> {
                for (int i = 0; i < docs.length; i++) {
                    long key = FileKey.of(files.names[i], files.sha256[i]);
                    if (!kept.contains(key) && holdings.remove(peerId, key, FileKey.content(files.sha256[i]))) {
                        dropped.add(new SharedFile(files.names[i], files.sizes[i], files.sha256[i]));
                        droppedKeys.add(key);
                    }
                }
            });
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public ShareChange update(int peerId, Collection<SharedFile> added, Collection<SharedFile> removed,
                              Instant sharedAt) {
        return change(() -> {
            List<SharedFile> gone = new ArrayList<>();
            LongArrayList goneKeys = new LongArrayList();
            List<SharedFile> fresh = new ArrayList<>();
            LongArrayList freshKeys = new LongArrayList();
            write(() -> {
                for (SharedFile file : removed) {
                    long key = FileKey.of(file.name(), file.sha256());
                    if (holdings.remove(peerId, key, FileKey.content(file.sha256()))) {
                        gone.add(file);
                        goneKeys.add(key);
                    }
                }
                for (SharedFile file : added) {
                    long key = FileKey.of(file.name(), file.sha256());
                    if (holdings.add(peerId, key, FileKey.content(file.sha256()), file.size())) {
                        fresh.add(file);
                        freshKeys.add(key);
                    }
                }
            });
            apply(peerId, goneKeys, fresh, freshKeys, sharedAt);
            return new ShareChange(holdingsRead(() -> holdings.fileCount(peerId)), fresh, gone);
        });
    }

    /*
     * Drops the peer's files with keys {@code gone} and adds {@code fresh}, in one call to the
     * writer, which a refresh never splits: searches see the whole change or none of it.
     */
    private void apply(int peerId, LongArrayList gone, List<SharedFile> fresh, LongArrayList freshKeys,
                       Instant sharedAt) throws IOException {
        Iterable<Document> docs = () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < fresh.size();
            }

            @Override
            public Document next() {
                int at = next++;
                return FileFields.document(peerId, fresh.get(at), freshKeys.get(at), sharedAt, tokens);
            }
        };
        if (!gone.isEmpty() && !fresh.isEmpty()) {
            writer.updateDocuments(FileFields.files(peerId, gone.toArray()), docs);
        } else if (!gone.isEmpty()) {
            writer.deleteDocuments(FileFields.files(peerId, gone.toArray()));
        } else if (!fresh.isEmpty()) {
            writer.addDocuments(docs);
        }
    }

    @Override
    public int removePeer(int peerId) {
        return change(() -> {
            int[] had = {0};
            write(() -> had[0] = holdings.removePeer(peerId));
            if (had[0] > 0) {
                writer.deleteDocuments(FileFields.peer(peerId));
            }
            return had[0];
        });
    }

    @Override
    public void retainPeers(java.util.function.IntPredicate known) {
        int[] unknown = holdingsRead(() -> holdings.peerIds().filter(known.negate()).toArray());
        for (int peerId : unknown) {
            removePeer(peerId);
        }
    }

    @Override
    public int fileCount(int peerId) {
        return holdingsRead(() -> holdings.fileCount(peerId));
    }

    @Override
    public long bytes(int peerId) {
        return holdingsRead(() -> holdings.bytes(peerId));
    }

    @Override
    public long files() {
        return holdingsRead(holdings::files);
    }

    @Override
    public long contents() {
        return holdingsRead(holdings::contents);
    }

    @Override
    public long heapBytes() {
        return holdingsRead(holdings::heapBytes) + writer.ramBytesUsed() + segmentsInHeap();
    }

    /* The bytes of an in-memory index's files: the segments are in the heap then. */
    private long segmentsInHeap() {
        if (!(directory instanceof ByteBuffersDirectory)) {
            return 0;
        }
        long bytes = 0;
        try {
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
        } catch (IOException e) {
            // a file merged away between listing and measuring: the next look counts again
        }
        return bytes;
    }

    @Override
    public int segments() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    @Override
    public boolean merging() {
        return writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty();
    }

    @Override
    public EncodedSearchResult search(SearchRequest request, String echoedQuery, IntFunction<Peer> peers) {
        return withSearcher(searcher -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            SearchQuery query = request.query();
            Matching.SizeRange sizes = Matching.sizes(request.filters());
            boolean wholeFirst = Matching.wholeWordsFirst(query, request.filters());
            Candidates found = new Candidates(Matching.exactName(query),
                    wholeFirst ? null : weight(searcher, Matching.wholeWords(query)), sizes, maxCandidates, leaves);
            boolean restUnread = false;
            if (wholeFirst) {
                // files with a word only begun rank below all those: read them only when those leave room
                searcher.search(Matching.wholeWordsOf(query, request.filters()), found.taking(Ranking.WHOLE_WORDS));
                restUnread = found.hits().size() >= request.limit() || found.partial();
                if (!restUnread) {
                    searcher.search(Matching.of(query, request.filters()), found.taking(Ranking.PREFIXES));
                }
            } else {
                searcher.search(Matching.of(query, request.filters()), found.taking(Candidates.UNSETTLED));
            }
            found.finish();
            List<Hit> best = holdingsRead(() -> best(found.hits(), request.limit(), leaves));
            HitTexts texts = new HitTexts(searcher, found, maxCandidates - found.read(),
                    restUnread ? unreadMatches(searcher, Matching.of(query, request.filters()), sizes) : null);
            List<ResultText.HitText> hits = texts.of(best);
            return ResultText.searchResult(echoedQuery, hits, peers, found.partial() || texts.partial(),
                    ResultText.MAX_REPLY_BYTES);
        });
    }

    /* Whether a file the search left unread matches {@code query} and has a size the search admits. */
    private static HitTexts.UnreadMatches unreadMatches(IndexSearcher searcher, Query query, Matching.SizeRange sizes) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Weight[] weight = new Weight[1]; // made on first use: most searches never ask
        return doc -> {
            if (weight[0] == null) {
                weight[0] = weight(searcher, query);
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int inLeaf = doc - leaf.docBase;
            Scorer scorer = weight[0].scorer(leaf);
            if (scorer == null || scorer.iterator().advance(inLeaf) != inLeaf) {
                return false;
            }
            BinaryDocValues records = DocValues.getBinary(leaf.reader(), FileFields.RECORD);
            return records.advanceExact(inLeaf) && sizes.admits(FileRecord.size(records.binaryValue()));
        };
    }

    /* The best {@code limit} hits, best first (see Ranking), each with its holder count. Call under the holdings read lock. */
    private List<Hit> best(List<Hit> hits, int limit, List<LeafReaderContext> leaves) {
        Ranking.OrderKeys keys = hit -> orderKey(hit, leaves);
        var bestFirst = Ranking.bestFirst(keys);
        if (hits.size() <= SORT_ALL_PER_RESULT * limit) {
            // a typical word's few hundred hits: one sort compares less than a heap and a sort of what it kept
            List<Hit> all = new ArrayList<>(hits);
            all.forEach(hit -> hit.holders = holdings.holdersOfFound(hit.key));
            all.sort(bestFirst);
            return all.subList(0, Math.min(limit, all.size()));
        }
        PriorityQueue<Hit> worstFirst = new PriorityQueue<>(Math.min(limit, 128) + 1, bestFirst.reversed());
        for (Hit hit : hits) {
            hit.holders = holdings.holdersOfFound(hit.key);
            if (worstFirst.size() < limit) {
                worstFirst.add(hit);
            } else if (bestFirst.compare(hit, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(hit);
            }
        }
        List<Hit> sorted = new ArrayList<>(worstFirst);
        sorted.sort(bestFirst);
        return sorted;
    }

    private static BytesRef orderKey(Hit hit, List<LeafReaderContext> leaves) {
        if (hit.orderKey == null) {
            try {
                hit.orderKey = DocReads.orderKey(leaves, hit.displayDoc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hit.orderKey;
    }

    @Override
    public EncodedBrowseResult browse(int peerId, String afterName, String afterSha256, int limit) {
        return withSearcher(searcher -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            BytesRef after = afterName == null ? null : NameOrder.key(afterName, afterSha256);
            BrowsePage page = new BrowsePage(after, limit + 1, leaves);
            searcher.search(new TermQuery(FileFields.peer(peerId)), page);
            int[] docs = page.docsInOrder();
            int count = Math.min(limit, docs.length);
            DocReads read = DocReads.of(leaves, docs, count);
            List<ResultText.FileText> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                texts.add(new ResultText.FileText(read.names[i], read.sizes[i], read.sha256[i]));
            }
            return ResultText.browseResult(peerId, texts, docs.length > limit, ResultText.MAX_REPLY_BYTES);
        });
    }

    @Override
    public void afterChangesVisible(Runnable action) {
        refresher.after(changeCount, action);
    }

    @Override
    public void awaitChangesVisible() {
        java.util.concurrent.CountDownLatch visible = new java.util.concurrent.CountDownLatch(1);
        afterChangesVisible(visible::countDown);
        try {
            if (!visible.await(Refresher.MAX_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("changes did not become visible in "
                        + Refresher.MAX_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /*
     * Makes every change so far visible; the number of changes it covers. Each change is one
     * call to the writer, so the refresh needs no lock: a change made while it runs is covered
     * by the next one.
     */
    private long refresh() throws IOException {
        long covered = changeCount;
        searchers.maybeRefreshBlocking();
        return covered;
    }

    /*
     * Commits the changes so far with the saved state, if there are any. The state is taken
     * between two changes; the commit, which syncs files to disk, runs while changes go on and
     * searches see them: it holds every change made before the state was taken, and perhaps
     * some made after (a restart drops the files of peers the state does not know).
     */
    void commit() throws IOException {
        synchronized (committing) {
            long upTo;
            String saved;
            changes.lock();
            try {
                upTo = changeCount;
                if (upTo == committedCount && !writer.hasUncommittedChanges()) {
                    return;
                }
                saved = state.get();
            } finally {
                changes.unlock();
            }
            writer.setLiveCommitData(Map.of(STATE, saved, FORMAT, FORMAT_VERSION).entrySet());
            writer.commit();
            committedCount = upTo;
        }
    }

    @Override
    public String savedState() {
        return savedState;
    }

    @Override
    public void keepState(Supplier<String> value) {
        state = java.util.Objects.requireNonNull(value, "state");
    }

    /* Waits (bounded) for a scheduled commit under way; the last commit follows. */
    private void stopCommitter() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(Refresher.MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A commit of the index is still running; committing once more to close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the last commit still runs: commit() waits for the one under way
        }
    }

    @Override
    public void close() {
        refresher.close();
        try {
            if (kept) {
                stopCommitter();
                commit();
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
        return query == null ? null : searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private interface SearcherAction<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T change(IoAction<T> batch) {
        changes.lock();
        try {
            T result = batch.run();
            changeCount++;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            changes.unlock();
        }
    }

    private <T> T withSearcher(SearcherAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Runnable action) {
        holdingsLock.writeLock().lock();
        try {
            action.run();
        } finally {
            holdingsLock.writeLock().unlock();
        }
    }

    private <T> T holdingsRead(java.util.function.Supplier<T> action) {
        holdingsLock.readLock().lock();
        try {
            return action.get();
        } finally {
            holdingsLock.readLock().unlock();
        }
    }

}
