package napster.indexer;

import static napster.indexer.Files.file;
import static napster.indexer.Files.key;
import static napster.indexer.Files.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Update;
import org.junit.jupiter.api.Test;

/** What one search and one registration may cost: bounded reads, bounded replies, a bounded index. */
class SearchBoundsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    private static List<SharedFile> longNames(int count, int from, String word) {
        List<SharedFile> files = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String stem = word + " " + i + " ";
            files.add(new SharedFile(stem + "x".repeat(200 - stem.length()), i, sha(i)));
        }
        return files;
    }

    @Test
    void searchText_moreCandidatesThanTheBudget_isMarkedPartial() throws Exception {
        FileIndex index = new FileIndex(50);
        index.register(Files.peer(1), longNames(500, 0, "flood"), NOW);

        EncodedSearchResult text = index.searchText("flood", 1_000);

        assertThat(text.partial()).isTrue();
        assertThat(text.results()).isBetween(1, 50);
        assertThat(CODEC.decode(text.json(), SearchResult.class).partial()).isTrue();
    }

    @Test
    void searchText_withinTheBudget_isCompleteAndSaysNothing() throws Exception {
        FileIndex index = new FileIndex(50);
        index.register(Files.peer(1), longNames(20, 0, "flood"), NOW);

        EncodedSearchResult text = index.searchText("flood", 1_000);

        assertThat(text.partial()).isFalse();
        assertThat(text.results()).isEqualTo(20);
        assertThat(text.json()).doesNotContain("partial");
    }

    @Test
    void searchText_exactName_isFoundFirstWhateverTheBudget() {
        FileIndex index = new FileIndex(1);
        List<SharedFile> files = new ArrayList<>(longNames(100, 0, "six"));
        files.add(file("6.txt", 6));
        index.register(Files.peer(1), files, NOW);

        assertThat(index.search("6.txt", 10)).extracting(hit -> hit.name()).first().isEqualTo("6.txt");
    }

    @Test
    void searchText_repliesOfThousandsOfLongNames_areCutUnder256KiBAndMarkedPartial() throws Exception {
        FileIndex index = new FileIndex();
        index.register(Files.peer(1), longNames(5_000, 0, "amplify"), NOW);

        EncodedSearchResult text = index.searchText("amplify", 1_000);

        assertThat(text.json().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(SearchResultText.MAX_REPLY_BYTES);
        assertThat(text.partial()).isTrue();
        SearchResult decoded = CODEC.decode(text.json(), SearchResult.class);
        assertThat(decoded.results()).hasSize(text.results()).hasSizeBetween(300, 999);
        assertThat(decoded.partial()).isTrue();
    }

    @Test
    void searchTextBySha256_aContentHeldByThousandsOfPeers_keepsTheReplyUnder256KiB() throws Exception {
        FileIndex index = new FileIndex();
        for (int peer = 1; peer <= 5_000; peer++) {
            index.register(new Peer(peer, key(peer), "peer", "host-" + peer + ".example.org", 7_000, 8, 8, null),
                    List.of(new SharedFile("popular " + "y".repeat(150) + ".mp3", 1, sha(42))), NOW);
        }

        EncodedSearchResult text = index.searchTextBySha256(sha(42));

        assertThat(text.json().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(SearchResultText.MAX_REPLY_BYTES);
        SearchResult decoded = CODEC.decode(text.json(), SearchResult.class);
        assertThat(decoded.results()).hasSize(1);
        assertThat(decoded.results().get(0).peers()).hasSizeBetween(500, 4_999);
        assertThat(decoded.partial()).isTrue();
    }

    @Test
    void register_twoKeysPastMaxFiles_secondIsRefusedIndexFullAndSearchGoesOn() {
        IndexService service = new IndexService(new FileIndex(), Clock.fixed(NOW, ZoneOffset.UTC), 3,
                IndexListener.NONE, new IndexBudget(1_000, Long.MAX_VALUE));

        Message first = service.handle(new Register(key(1), "10.0.0.1", 1, longNames(600, 0, "free")), "peer");
        Message second = service.handle(new Register(key(2), "10.0.0.2", 2, longNames(600, 600, "keys")), "peer");

        assertThat(first).isEqualTo(new Ack(1, 600));
        assertThat(second).isInstanceOfSatisfying(ErrorReply.class,
                error -> assertThat(error.code()).isEqualTo(ErrorReply.INDEX_FULL));
        assertThat(service.index().stats().files()).isEqualTo(600);
        assertThat(service.searchText(Search.byName("free 1 ")).results()).isPositive();
    }

    @Test
    void update_pastMaxFiles_isRefusedWholeAndReplacingTheSameShareStillWorks() {
        IndexService service = new IndexService(new FileIndex(), Clock.fixed(NOW, ZoneOffset.UTC), 3,
                IndexListener.NONE, new IndexBudget(1_000, Long.MAX_VALUE));
        service.handle(new Register(key(1), "10.0.0.1", 1, longNames(900, 0, "mine")), "peer");

        Message more = service.handle(new Update(key(1), longNames(200, 900, "mine"), List.of()), "peer");
        Message again = service.handle(new Register(key(1), "10.0.0.1", 1, longNames(1_000, 0, "mine")), "peer");

        assertThat(more).isInstanceOfSatisfying(ErrorReply.class,
                error -> assertThat(error.code()).isEqualTo(ErrorReply.INDEX_FULL));
        assertThat(again).as("a registration replaces the peer's own share").isEqualTo(new Ack(1, 1_000));
    }

    @Test
    void register_pastTheMemoryBudget_isRefusedIndexFull() {
        // room for about 100 files of the estimate
        IndexBudget budget = new IndexBudget(Long.MAX_VALUE, 100 * IndexBudget.BYTES_PER_FILE);
        IndexService service = new IndexService(new FileIndex(), Clock.fixed(NOW, ZoneOffset.UTC), 3,
                IndexListener.NONE, budget);

        for (int key = 1; key <= 20; key++) {
            service.handle(new Register(key(key), "10.0.0." + key, key, longNames(20, key * 20, "k" + key)), "peer");
        }

        assertThat(service.index().estimatedBytes()).isGreaterThan(budget.maxBytes());
        assertThat(service.index().stats().files()).isLessThan(400);
        Message refused = service.handle(new Register(key(99), "10.0.0.99", 99, longNames(1, 0, "late")), "peer");
        assertThat(refused).isInstanceOfSatisfying(ErrorReply.class,
                error -> assertThat(error.message()).startsWith("The index is full"));
    }
}
