package napster.indexer;

import static napster.indexer.Files.file;
import static napster.indexer.Files.peer;
import static napster.indexer.Files.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.SharedFile;
import org.junit.jupiter.api.Test;

class FileIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-20T11:00:00Z");

    private final FileIndex index = new FileIndex();

    @Test
    void search_exactName_findsTheFile() {
        index.register(peer(1), List.of(file("6.txt", 6), file("7.txt", 7)), T0);

        List<FileHit> hits = index.search("6.txt", 10);

        assertThat(hits).containsExactly(new FileHit("6.txt", 1_006, sha(6),
                List.of(new Holder(1, "10.0.0.1", 4_001, T0, "6.txt"))));
    }

    @Test
    void search_otherCase_findsTheFileIgnoringCase() {
        index.register(peer(1), List.of(file("Song.MP3", 1)), T0);

        assertThat(index.search("song.mp3", 10)).extracting(FileHit::name).containsExactly("Song.MP3");
    }

    @Test
    void search_substring_findsNamesContainingTheQueryInAnyCase() {
        index.register(peer(1), List.of(file("Holiday-Photos.zip", 1), file("photo.jpg", 2), file("notes.txt", 3)), T0);

        assertThat(index.search("PHOTO", 10)).extracting(FileHit::name)
                .containsExactlyInAnyOrder("Holiday-Photos.zip", "photo.jpg");
    }

    @Test
    void search_unknownName_returnsNoResults() {
        index.register(peer(1), List.of(file("a.txt", 1)), T0);

        assertThat(index.search("b.txt", 10)).isEmpty();
    }

    @Test
    void searchBySha256_sharedContent_returnsItWithAllHolders() {
        index.register(peer(1), List.of(file("a.txt", 1)), T0);
        index.register(peer(2), List.of(file("copy of a.txt", 1)), T1);

        assertThat(index.searchBySha256(sha(1))).contains(new FileHit("a.txt", 1_001, sha(1), List.of(
                new Holder(1, "10.0.0.1", 4_001, T0, "a.txt"),
                new Holder(2, "10.0.0.2", 4_002, T1, "copy of a.txt"))));
        assertThat(index.searchBySha256(sha(2))).isEmpty();
    }

    @Test
    void search_oneContentOnTwoPeers_returnsOneHitWithHoldersInPeerOrder() {
        index.register(peer(2), List.of(file("report.pdf", 1)), T1);
        index.register(peer(1), List.of(file("Report.pdf", 1)), T0);

        List<FileHit> hits = index.search("report", 10);

        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).name()).as("named as the lowest peer id shares it").isEqualTo("Report.pdf");
        assertThat(hits.get(0).peers()).containsExactly(
                new Holder(1, "10.0.0.1", 4_001, T0, "Report.pdf"),
                new Holder(2, "10.0.0.2", 4_002, T1, "report.pdf"));
    }

    @Test
    void search_hitName_comesFromTheBestMatchingHolder() {
        index.register(peer(1), List.of(file("Report.pdf", 1)), T0);
        index.register(peer(2), List.of(file("report.pdf", 1)), T0);

        assertThat(index.search("report.pdf", 10)).extracting(FileHit::name).containsExactly("report.pdf");
    }

    @Test
    void search_peerSharingContentUnderTwoNames_isOneHolderUnderTheMatchingName() {
        index.register(peer(1), List.of(file("a-backup.bin", 1), file("zzz.bin", 1)), T0);

        List<FileHit> hits = index.search("zzz", 10);

        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.peers())
                .containsExactly(new Holder(1, "10.0.0.1", 4_001, T0, "zzz.bin")));
    }

    @Test
    void search_matchKinds_exactFirstThenOtherCaseThenSubstring() {
        index.register(peer(1), List.of(file("my song.mp3", 1), file("SONG.MP3", 2), file("song.mp3", 3)), T0);
        index.register(peer(2), List.of(file("my song.mp3", 1)), T0);

        assertThat(index.search("song.mp3", 10)).extracting(FileHit::name)
                .containsExactly("song.mp3", "SONG.MP3", "my song.mp3");
    }

    @Test
    void search_withinAMatchKind_moreHoldersFirstThenNameThenSha() {
        index.register(peer(1), List.of(file("b.iso", 1), file("a.iso", 2), file("c.iso", 3), file("c.iso", 4)), T0);
        index.register(peer(2), List.of(file("c.iso", 3)), T0);

        assertThat(index.search(".iso", 10)).extracting(FileHit::sha256)
                .containsExactly(sha(3), sha(2), sha(1), sha(4));
    }

    @Test
    void search_limit_returnsOnlyTheBestHits() {
        index.register(peer(1), List.of(file("x-1", 1), file("x-2", 2), file("x-3", 3), file("x", 4)), T0);

        assertThat(index.search("x", 2)).extracting(FileHit::name).containsExactly("x", "x-1");
    }

    @Test
    void search_manyMatches_limitedResultIsPrefixOfFullResult() {
        Random random = new Random(42);
        for (int peerId = 1; peerId <= 20; peerId++) {
            List<SharedFile> files = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int content = random.nextInt(1_000);
                String[] names = {"Track" + content % 50 + ".mp3", "track" + content % 7 + ".MP3", "mix.mp3"};
                files.add(file(names[random.nextInt(names.length)], content));
            }
            index.register(peer(peerId), files, T0);
        }

        List<FileHit> all = index.search("track1", 1_000);
        List<FileHit> top = index.search("track1", 25);

        assertThat(all).hasSizeGreaterThan(25);
        assertThat(top).isEqualTo(all.subList(0, 25));
        assertThat(all).extracting(FileHit::sha256).doesNotHaveDuplicates();
    }

    @Test
    void register_again_replacesTheShareAndKeepsSharedAtOfFilesStillShared() {
        index.register(peer(1), List.of(file("kept.txt", 1), file("dropped.txt", 2)), T0);

        ShareChange change = index.register(new Peer(1, Files.key(1), "user1", "10.9.9.9", 5_000),
                List.of(file("kept.txt", 1), file("new.txt", 3), file("new.txt", 3)), T1);

        assertThat(change).isEqualTo(new ShareChange(2, List.of(file("kept.txt", 1), file("new.txt", 3)),
                List.of(file("dropped.txt", 2))));
        assertThat(index.search("dropped", 10)).isEmpty();
        assertThat(index.search("kept.txt", 10).get(0).peers())
                .containsExactly(new Holder(1, "10.9.9.9", 5_000, T0, "kept.txt"));
        assertThat(index.search("new.txt", 10).get(0).peers().get(0).sharedAt()).isEqualTo(T1);
    }

    @Test
    void register_keyAlreadyBoundToAnotherId_isRefused() {
        index.register(peer(1), List.of(), T0);

        assertThatThrownBy(() -> index.register(new Peer(2, Files.key(1), "user1", "h", 1), List.of(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateFreeSlots_knownPeer_showsInHitsAndKeepsTheRestOfThePeer() {
        index.register(new Peer(1, Files.key(1), "user1", "10.0.0.1", 4_001, 4, 4, 1_000L), List.of(file("a", 1)), T0);

        assertThat(index.updateFreeSlots(1, 0)).isTrue();

        assertThat(index.searchBySha256(sha(1)).orElseThrow().peers())
                .containsExactly(new Holder(1, "10.0.0.1", 4_001, T0, "a", 4, 0, 1_000L));
        assertThat(index.peer(1)).contains(new Peer(1, Files.key(1), "user1", "10.0.0.1", 4_001, 4, 0, 1_000L));
    }

    @Test
    void updateFreeSlots_unknownPeerOrMoreThanItsSlots_changesNothing() {
        index.register(new Peer(1, Files.key(1), "user1", "10.0.0.1", 4_001, 2, 1, null), List.of(), T0);

        assertThat(index.updateFreeSlots(2, 1)).isFalse();
        assertThatThrownBy(() -> index.updateFreeSlots(1, 3)).hasMessage("freeSlots must not be more than slots");
        assertThat(index.peer(1).orElseThrow().freeSlots()).isEqualTo(1);
    }

    @Test
    void add_fileAlreadyShared_isKeptOnce() {
        index.register(peer(1), List.of(file("a", 1)), T0);

        assertThat(index.add(1, List.of(file("a", 1), file("b", 2)), T1)).isEqualTo(2);
        assertThat(index.search("a", 10).get(0).peers().get(0).sharedAt()).isEqualTo(T0);
    }

    @Test
    void remove_byNameAndSha_dropsOnlyThatFile() {
        index.register(peer(1), List.of(file("a", 1), file("a", 2), file("b", 1)), T0);

        int files = index.remove(1, List.of(file("a", 1)));

        assertThat(files).isEqualTo(2);
        assertThat(index.search("a", 10)).extracting(FileHit::sha256).containsExactly(sha(2));
        assertThat(index.searchBySha256(sha(1))).get().extracting(FileHit::name).isEqualTo("b");
    }

    @Test
    void update_removesThenAdds() {
        index.register(peer(1), List.of(file("old", 1)), T0);

        ShareChange change = index.update(1, List.of(file("new", 2), file("new", 2)),
                List.of(file("old", 1), file("never-shared", 3)), T1);

        assertThat(change).as("only what was actually added and removed")
                .isEqualTo(new ShareChange(1, List.of(file("new", 2)), List.of(file("old", 1))));
        assertThat(index.search("old", 10)).isEmpty();
        assertThat(index.search("new", 10)).hasSize(1);
    }

    @Test
    void add_unknownPeer_isRefused() {
        assertThatThrownBy(() -> index.add(7, List.of(file("a", 1)), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removePeer_forgetsItsFilesButKeepsOthers() {
        index.register(peer(1), List.of(file("a", 1), file("b", 2)), T0);
        index.register(peer(2), List.of(file("a", 1)), T0);

        assertThat(index.removePeer(1)).isTrue();
        assertThat(index.removePeer(1)).isFalse();

        assertThat(index.search("b", 10)).isEmpty();
        assertThat(index.search("a", 10)).singleElement()
                .satisfies(hit -> assertThat(hit.peers()).extracting(Holder::peerId).containsExactly(2));
        assertThat(index.peerByKey(Files.key(1))).isEmpty();
        assertThat(index.stats()).isEqualTo(new IndexStats(1, 1, 1));
    }

    @Test
    void stats_countPeersFilesAndDistinctContents() {
        index.register(peer(1), List.of(file("a", 1), file("b", 2), file("c", 2)), T0);
        index.register(peer(2), List.of(file("a", 1)), T0);

        assertThat(index.stats()).isEqualTo(new IndexStats(2, 4, 2));
        assertThat(index.fileCount(1)).isEqualTo(3);
        assertThat(index.fileCount(3)).isZero();
    }

    @Test
    void shares_listsPeersByIdWithFilesAndBytes() {
        index.register(peer(3), List.of(file("c", 1)), T0);
        index.register(peer(1), List.of(file("a", 1), file("b", 2)), T0);
        index.register(peer(2), List.of(), T0);
        index.update(1, List.of(file("d", 4)), List.of(file("a", 1)), T1);

        assertThat(index.shares(10)).containsExactly(new ShareSummary(peer(1), 2, 1_002 + 1_004),
                new ShareSummary(peer(2), 0, 0), new ShareSummary(peer(3), 1, 1_001));
        assertThat(index.shares(2)).extracting(share -> share.peer().peerId()).containsExactly(1, 2);
    }

    @Test
    void search_querySpanningWords_findsNamesHoldingAllOfIt() {
        index.register(peer(1), List.of(file("Kabori Tesu - Malo Venika.mp3", 1), file("Tesu Malo.mp3", 2),
                file("tesu - MANO.ogg", 3)), T0);

        assertThat(index.search("TESU - MA", 10)).extracting(FileHit::name)
                .containsExactly("Kabori Tesu - Malo Venika.mp3", "tesu - MANO.ogg");
    }

    @Test
    void search_queryWithoutLettersOrDigits_findsNamesContainingIt() {
        index.register(peer(1), List.of(file("a - b.mp3", 1), file("ab.mp3", 2), file("-_-", 3)), T0);

        assertThat(index.search(" - ", 10)).extracting(FileHit::name).containsExactly("a - b.mp3");
        assertThat(index.search("_", 10)).extracting(FileHit::name).containsExactly("-_-");
    }

    @Test
    void search_nonLatin1NameInAnotherCase_isFoundIgnoringCase() {
        index.register(peer(1), List.of(file("ΟΔΥΣΣΕΥΣ.txt", 1), file("日本語 Mix.flac", 2)), T0);

        assertThat(index.search("δυσσευ", 10)).extracting(FileHit::name).containsExactly("ΟΔΥΣΣΕΥΣ.txt");
        assertThat(index.search("本語 mix", 10)).extracting(FileHit::name).containsExactly("日本語 Mix.flac");
    }

    @Test
    void search_peerLeavesAndComesBack_findsItsFilesOnceMore() {
        index.register(peer(1), List.of(file("Malo Venika.mp3", 1), file("Tesu.mp3", 2)), T0);
        index.removePeer(1);
        assertThat(index.search("venika", 10)).isEmpty();

        index.register(peer(1), List.of(file("Malo Venika.mp3", 1)), T1);

        assertThat(index.search("venika", 10)).containsExactly(new FileHit("Malo Venika.mp3", 1_001, sha(1),
                List.of(new Holder(1, "10.0.0.1", 4_001, T1, "Malo Venika.mp3"))));
        assertThat(index.search("mp3", 10)).hasSize(1);
    }

    @Test
    void search_emptyQuery_findsNothing() {
        index.register(peer(1), List.of(file("a", 1)), T0);

        assertThat(index.search("", 10)).isEmpty();
    }

    @Test
    void searchBySha256_notAHash_findsNothing() {
        index.register(peer(1), List.of(file("a", 1)), T0);

        assertThat(index.searchBySha256(sha(10).toUpperCase())).isEmpty();
        assertThat(index.searchBySha256("abc")).isEmpty();
    }
}
