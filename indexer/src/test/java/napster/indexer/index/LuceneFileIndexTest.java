package napster.indexer.index;

import static napster.indexer.index.IndexFixture.file;
import static napster.indexer.index.IndexFixture.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.query.Filters;
import napster.common.query.QueryParser;
import napster.common.query.SearchRequest;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneFileIndexTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final IndexFixture fixture = new IndexFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void words_matchTheStartOfAWordOfTheName_notAFragmentInside() {
        fixture.share(1, file("The Beatles - Yesterday.mp3", 1), file("Beyoncé - Halo.MP3", 2));

        assertThat(fixture.names("beatles yesterday")).containsExactly("The Beatles - Yesterday.mp3");
        assertThat(fixture.names("beat yest")).containsExactly("The Beatles - Yesterday.mp3");
        assertThat(fixture.names("YESTERDAY mp3")).containsExactly("The Beatles - Yesterday.mp3");
        assertThat(fixture.names("beyonce halo")).containsExactly("Beyoncé - Halo.MP3");
        assertThat(fixture.names("eatl")).isEmpty();
        assertThat(fixture.names("beatles halo")).isEmpty();
    }

    @Test
    void phrase_needsItsWordsWholeAndInOrder() {
        fixture.share(1, file("Let It Be.mp3", 1), file("Be It Let.mp3", 2), file("Let It Bee.mp3", 3),
                file("let-it-be (live).flac", 4));

        assertThat(fixture.names("\"let it be\"")).containsExactlyInAnyOrder("Let It Be.mp3", "let-it-be (live).flac");
        assertThat(fixture.names("let-it-be")).containsExactlyInAnyOrder("Let It Be.mp3", "let-it-be (live).flac");
    }

    @Test
    void exclusion_rulesOutNamesTheTermMatches() {
        fixture.share(1, file("The Beatles - Yesterday.mp3", 1), file("The Beatles - Yesterday (Live).mp3", 2),
                file("The Beatles - Help (live at the BBC).mp3", 3));

        assertThat(fixture.names("beatles -live")).containsExactly("The Beatles - Yesterday.mp3");
        assertThat(fixture.names("beatles -\"live at\"")).containsExactlyInAnyOrder("The Beatles - Yesterday.mp3",
                "The Beatles - Yesterday (Live).mp3");
    }

    @Test
    void ranking_exactNameFirst_thenWholeWords_thenPrefixes_thenMoreHolders_thenName() {
        fixture.share(1, file("6.txt", 6), file("b 6.txt", 7), file("a 6.txts", 8), file("c 6.txt", 9));
        fixture.share(2, file("c 6.txt", 9), file("copy of b 6.txt", 7));

        // 6.txt: exact; "b 6.txt" and "c 6.txt" have 6 and txt whole, c by two peers, b by two under two
        // names; "a 6.txts" only starts a word with txt... as a phrase txt must be whole: it is left out
        assertThat(fixture.names("6.txt")).containsExactly("6.txt", "b 6.txt", "c 6.txt");
        // typed as two words it is no name: all three have both words whole, the two held twice first
        assertThat(fixture.names("6 txt")).containsExactly("b 6.txt", "c 6.txt", "6.txt", "a 6.txts");
    }

    @Test
    void ranking_moreHoldersFirst_thenByFoldedName() {
        fixture.share(1, file("Zebra song.mp3", 1), file("apple song.mp3", 2), file("Mango song.mp3", 3));
        fixture.share(2, file("Zebra song.mp3", 1));

        assertThat(fixture.names("song")).containsExactly("Zebra song.mp3", "apple song.mp3", "Mango song.mp3");
    }

    @Test
    void hit_listsEveryHolder_eachUnderItsOwnBestName() {
        fixture.share(1, T0, file("Yesterday.mp3", 1));
        fixture.share(3, T0.plusSeconds(5), file("Yesterdays.mp3", 1), file("Yesterday.mp3", 1));
        fixture.share(2, T0.plusSeconds(9), file("track01.mp3", 1));

        SearchResult result = fixture.search("yesterday");

        assertThat(result.results()).containsExactly(new FileHit("Yesterday.mp3", 1_001, sha(1), List.of(
                new Holder(1, "10.0.0.1", 4_001, T0, "Yesterday.mp3"),
                new Holder(2, "10.0.0.2", 4_002, T0.plusSeconds(9), "track01.mp3"),
                new Holder(3, "10.0.0.3", 4_003, T0.plusSeconds(5), "Yesterday.mp3"))));
        assertThat(result.partial()).isNull();
    }

    @Test
    void filters_extensionsAndSizes_applyToEachFile() {
        fixture.share(1, new SharedFile("song.MP3", 5_000, sha(1)), new SharedFile("song.flac", 50_000, sha(2)),
                new SharedFile("song", 500, sha(3)), new SharedFile("song.mp3.txt", 700, sha(4)));

        assertThat(names("song", new Filters(Set.of("mp3"), null, null))).containsExactly("song.MP3");
        assertThat(names("song", new Filters(Set.of("mp3", "flac"), 10_000L, null))).containsExactly("song.flac");
        assertThat(names("song", new Filters(null, null, 1_000L))).containsExactly("song", "song.mp3.txt");
        assertThat(names("song", new Filters(Set.of(), null, null))).isEmpty();
    }

    @Test
    void sha256_findsThatContentOnly_andWithWordsOnlyUnderAMatchingName() {
        fixture.share(1, file("a.mp3", 1), file("b.mp3", 2));
        fixture.share(2, file("other.mp3", 1));

        assertThat(fixture.searchSha(sha(1)).results()).extracting(FileHit::sha256).containsExactly(sha(1));
        assertThat(fixture.searchSha(sha(1)).results().get(0).peers()).extracting(Holder::peerId).containsExactly(1, 2);
        assertThat(fixture.searchSha(sha(9)).results()).isEmpty();
        assertThat(fixture.names("other " + sha(1).toUpperCase(java.util.Locale.ROOT))).containsExactly("other.mp3");
        assertThat(fixture.names("b " + sha(1))).isEmpty();
    }

    @Test
    void replace_keepsFirstSharedAtOfKeptFiles_andReportsTheDropped() {
        fixture.share(1, T0, file("a.mp3", 1), file("b.mp3", 2));

        ShareChange change = fixture.share(1, T0.plusSeconds(60), file("b.mp3", 2), file("c.mp3", 3),
                file("c.mp3", 3));

        assertThat(change.files()).isEqualTo(2);
        assertThat(change.added()).containsExactly(file("b.mp3", 2), file("c.mp3", 3));
        assertThat(change.removed()).containsExactly(file("a.mp3", 1));
        assertThat(fixture.names("a")).isEmpty();
        assertThat(fixture.search("b").results().get(0).peers().get(0).sharedAt()).isEqualTo(T0);
        assertThat(fixture.search("c").results().get(0).peers().get(0).sharedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void update_removesThenAdds_andReportsOnlyWhatChanged() {
        fixture.share(1, file("a.mp3", 1), file("b.mp3", 2));

        ShareChange change = fixture.index.update(1, List.of(file("c.mp3", 3), file("b.mp3", 2)),
                List.of(file("a.mp3", 1), file("never.mp3", 9)), T0);

        assertThat(change).isEqualTo(new ShareChange(2, List.of(file("c.mp3", 3)), List.of(file("a.mp3", 1))));
        assertThat(fixture.index.bytes(1)).isEqualTo(1_002 + 1_003);
        assertThat(fixture.names("mp3")).containsExactly("b.mp3", "c.mp3");
    }

    @Test
    void removePeer_dropsItsFiles_andLeavesTheOthers() {
        fixture.share(1, file("a.mp3", 1), file("b.mp3", 2));
        fixture.share(2, file("a.mp3", 1));

        assertThat(fixture.index.removePeer(1)).isEqualTo(2);

        assertThat(fixture.search("mp3").results()).extracting(FileHit::name).containsExactly("a.mp3");
        assertThat(fixture.search("a").results().get(0).peers()).extracting(Holder::peerId).containsExactly(2);
        assertThat(fixture.index.files()).isEqualTo(1);
        assertThat(fixture.index.contents()).isEqualTo(1);
    }

    @Test
    void browse_pagesThroughAPeerInNameOrder() {
        List<SharedFile> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            files.add(file(String.format("Track %02d.mp3", 24 - i), i));
        }
        files.add(file("track 05.MP3", 99));
        fixture.share(1, files.toArray(SharedFile[]::new));
        fixture.share(2, file("other.mp3", 1));

        List<String> seen = new ArrayList<>();
        SharedFile after = null;
        BrowseResult page;
        do {
            page = fixture.browse(1, after, 10);
            page.files().forEach(file -> seen.add(file.name()));
            after = page.files().get(page.files().size() - 1);
        } while (page.hasMore());

        assertThat(seen).hasSize(26).startsWith("Track 00.mp3", "Track 01.mp3").contains("Track 05.mp3", "track 05.MP3")
                .endsWith("Track 24.mp3");
        assertThat(seen.indexOf("track 05.MP3")).isEqualTo(seen.indexOf("Track 05.mp3") + 1);
        assertThat(fixture.browse(1, null, 100).hasMore()).isFalse();
        assertThat(fixture.browse(3, null, 100).files()).isEmpty();
    }

    @Test
    void search_pastItsCandidateBudget_saysPartial() {
        try (IndexFixture small = new IndexFixture(5)) {
            List<SharedFile> files = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                files.add(file("song " + i + ".mp3", i));
            }
            small.share(1, files.toArray(SharedFile[]::new));

            SearchResult result = small.search("song");

            assertThat(result.results()).hasSize(5);
            assertThat(result.partial()).isTrue();
        }
    }

    @Test
    void search_countsFilesItReads_notOnlyThoseItTakes() {
        try (IndexFixture small = new IndexFixture(5)) {
            List<SharedFile> files = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                files.add(file("song " + i + ".mp3", i)); // 1,000 to 1,019 bytes
            }
            small.share(1, files.toArray(SharedFile[]::new));

            // a size only the last file has: the word reads the files in order and gives up after 5
            SearchResult narrowed = small.search("song", new Filters(null, 1_019L, null), 100);
            SearchResult whole = small.search("song", new Filters(null, 1_000L, 1_001L), 100);

            assertThat(narrowed.results()).isEmpty();
            assertThat(narrowed.partial()).isTrue();
            assertThat(whole.results()).extracting(FileHit::name).containsExactly("song 0.mp3", "song 1.mp3");
            assertThat(whole.partial()).isTrue();
        }
    }

    @Test
    void search_ofOneWord_whoseWholeMatchesFillThePage_readsNoFileWhereItOnlyBeginsAWord() {
        try (IndexFixture small = new IndexFixture(5)) {
            List<SharedFile> files = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                files.add(file("songbird " + i + ".mp3", i)); // shared first: read first in one pass
            }
            for (int i = 20; i < 23; i++) {
                files.add(file("song " + i + ".mp3", i));
            }
            small.share(1, files.toArray(SharedFile[]::new));

            SearchResult page = small.search("song", Filters.NONE, 3);
            SearchResult more = small.search("song", Filters.NONE, 4);

            // whole words rank first: the three fill the page, the 20 others are never read
            assertThat(page.results()).extracting(FileHit::name)
                    .containsExactly("song 20.mp3", "song 21.mp3", "song 22.mp3");
            assertThat(page.partial()).isNull();
            // a page they do not fill reads on, and finds the budget
            assertThat(more.results()).extracting(FileHit::name).startsWith("song 20.mp3", "song 21.mp3",
                    "song 22.mp3");
            assertThat(more.partial()).isTrue();
        }
    }

    @Test
    void changes_goOnAndBecomeVisible_whileACommitWaitsForTheDisk() throws Exception {
        AtomicBoolean slow = new AtomicBoolean();
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch disk = new CountDownLatch(1);
        FilterDirectory slowDisk = new FilterDirectory(new ByteBuffersDirectory()) {
            @Override
            public void sync(Collection<String> names) throws IOException {
                // the segments' own files, which Lucene syncs outside its locks (the small commit
                // point, pending_segments_N, it writes and syncs under them)
                if (slow.get() && names.stream().noneMatch(name -> name.startsWith("pending_segments"))) {
                    syncing.countDown();
                    try {
                        disk.await(); // a disk that takes its time, until the test lets it go
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.sync(names);
            }
        };
        LuceneFileIndex index = LuceneFileIndex.open(slowDisk, 100);
        try {
            index.replace(1, List.of(file("first song.mp3", 1)), Instant.EPOCH);
            slow.set(true);
            CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
                try {
                    index.commit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(syncing.await(30, TimeUnit.SECONDS)).as("the commit reached the disk").isTrue();

            CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
                index.replace(2, List.of(file("second song.mp3", 2)), Instant.EPOCH);
                index.awaitChangesVisible();
            });

            change.get(30, TimeUnit.SECONDS); // a change that waited for the commit would time out here
            assertThat(index.search(new SearchRequest(QueryParser.parse("second"), Filters.NONE, 10), "second",
                    IndexFixture::peer).results()).isEqualTo(1);
            assertThat(commit).isNotDone();
            disk.countDown();
            commit.get(30, TimeUnit.SECONDS);
        } finally {
            disk.countDown();
            index.close();
        }
    }

    @Test
    void searchByHash_findsTheContent_amongManyAlikeInTheirFirstBytes() {
        try (IndexFixture small = new IndexFixture(5)) {
            List<SharedFile> files = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                files.add(file("made up " + i + ".bin", i)); // hashes 00…01 to 00…14: alike in 31 bytes
            }
            small.share(1, files.toArray(SharedFile[]::new));

            assertThat(small.searchSha(sha(20)).results()).extracting(FileHit::name).containsExactly("made up 20.bin");
            assertThat(small.searchSha(sha(20)).partial()).isNull();
        }
    }

    @Test
    void reply_pastItsSizeBound_keepsTheBestHits_andSaysPartial() {
        List<SharedFile> files = new ArrayList<>();
        String padding = "x".repeat(200);
        for (int i = 0; i < 1_500; i++) {
            files.add(file(String.format("song %04d %s.mp3", i, padding), i));
        }
        fixture.share(1, files.toArray(SharedFile[]::new));

        SearchResult result = fixture.search("song", Filters.NONE, 1_000);

        assertThat(result.partial()).isTrue();
        assertThat(result.results()).hasSizeBetween(100, 999);
        assertThat(result.results().get(0).name()).startsWith("song 0000 ");
    }

    @Test
    void indexInAFolder_reopened_hasItsFilesAndTheStateSavedWithThem(@TempDir Path folder) throws Exception {
        try (FileIndex kept = FileIndex.open(folder)) {
            kept.replace(1, List.of(file("a song.mp3", 1), file("b song.mp3", 2)), T0);
            kept.replace(2, List.of(file("a song.mp3", 1)), T0);
            kept.keepState(() -> "peers 1 and 2");
        }

        try (FileIndex reopened = FileIndex.open(folder)) {
            assertThat(reopened.savedState()).isEqualTo("peers 1 and 2");
            assertThat(reopened.files()).isEqualTo(3);
            assertThat(reopened.fileCount(1)).isEqualTo(2);
            assertThat(reopened.contents()).isEqualTo(2);
            reopened.awaitChangesVisible();
            String text = reopened.search(new napster.common.query.SearchRequest(
                    napster.common.query.QueryParser.parse("song"), Filters.NONE, 10), "song", IndexFixture::peer).json();
            assertThat(((SearchResult) IndexFixture.decode(text)).results()).extracting(FileHit::name)
                    .containsExactly("a song.mp3", "b song.mp3");
            assertThatThrownBy(() -> FileIndex.open(folder)).isInstanceOf(java.io.IOException.class)
                    .hasMessage("another indexer keeps its index in " + folder + "; give this one another folder");
        }
    }

    @Test
    void indexInAFolder_ofAnotherLayout_isStartedAfresh(@TempDir Path folder) throws Exception {
        // an index written by an older napster: documents of another layout and no format mark
        try (var directory = new org.apache.lucene.store.MMapDirectory(folder);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            var doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.NumericDocValuesField("peer", 1));
            writer.addDocument(doc);
            writer.setLiveCommitData(java.util.Map.of("napster.state", "{\"nextPeerId\":2}").entrySet());
            writer.commit();
        }

        try (FileIndex reopened = FileIndex.open(folder)) {
            assertThat(reopened.savedState()).isEmpty();
            assertThat(reopened.files()).isZero();
            reopened.replace(1, List.of(file("a song.mp3", 1)), T0);
            reopened.awaitChangesVisible();
            assertThat(reopened.segments()).isEqualTo(1); // the old document is gone, not kept beside
        }
    }

    @Test
    void retainPeers_dropsTheFilesOfPeersNoLongerKnown() {
        fixture.share(1, file("a.mp3", 1));
        fixture.share(2, file("b.mp3", 2));

        fixture.index.retainPeers(peerId -> peerId == 2);

        assertThat(fixture.index.fileCount(1)).isZero();
        assertThat(fixture.names("mp3")).containsExactly("b.mp3");
    }

    @Test
    void afterChangesVisible_runsInOrder_onceSearchesSeeTheChange() {
        List<String> seen = new CopyOnWriteArrayList<>();
        fixture.share(1, file("first.mp3", 1));
        fixture.index.afterChangesVisible(() -> seen.add("first:" + visible("first")));
        fixture.share(2, file("second.mp3", 2));
        fixture.index.afterChangesVisible(() -> seen.add("second:" + visible("second")));

        fixture.index.awaitChangesVisible();

        assertThat(seen).containsExactly("first:true", "second:true");
    }

    private boolean visible(String word) {
        return !fixture.index.search(new napster.common.query.SearchRequest(
                napster.common.query.QueryParser.parse(word), Filters.NONE, 1), word, IndexFixture::peer)
                .json().contains("\"results\":[]");
    }

    private List<String> names(String typed, Filters filters) {
        return fixture.search(typed, filters, 100).results().stream().map(FileHit::name).toList();
    }
}
