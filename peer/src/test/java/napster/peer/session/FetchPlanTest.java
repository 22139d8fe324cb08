package napster.peer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.Search;
import org.junit.jupiter.api.Test;

class FetchPlanTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final Holder PEER_1 = holder(1, "6.txt");
    private static final Holder PEER_2 = holder(2, "6.txt");
    private static final FileHit SIX = new FileHit("6.txt", 12, SHA_A, List.of(PEER_1, PEER_2));

    private static Holder holder(int id, String name) {
        return new Holder(id, "127.0.0.1", 25000 + id, Instant.EPOCH, name);
    }

    @Test
    void searchFor_name_searchesByNameWithHighLimit() {
        assertThat(FetchPlan.searchFor("6.txt")).isEqualTo(new Search("6.txt", null, 1000));
    }

    @Test
    void searchForAndChoose_upperCaseSha_findTheContent() throws Exception {
        String upper = SIX.sha256().toUpperCase(java.util.Locale.ROOT);

        assertThat(FetchPlan.searchFor(upper)).isEqualTo(Search.byHash(SIX.sha256()));
        assertThat(FetchPlan.choose(upper, null, List.of(SIX)).file().sha256()).isEqualTo(SIX.sha256());
    }

    @Test
    void searchFor_sha_searchesByContent() {
        assertThat(FetchPlan.searchFor(SHA_A)).isEqualTo(Search.byHash(SHA_A));
    }

    @Test
    void choose_exactName_allHoldersInOrder() throws Exception {
        FileHit partial = new FileHit("16.txt", 3, SHA_B, List.of(holder(3, "16.txt")));
        FetchPlan plan = FetchPlan.choose("6.txt", null, List.of(partial, SIX));
        assertThat(plan.file()).isEqualTo(SIX);
        assertThat(plan.holders()).containsExactly(PEER_1, PEER_2);
    }

    @Test
    void choose_fromPeer_pinsThatHolder() throws Exception {
        assertThat(FetchPlan.choose("6.txt", 2, List.of(SIX)).holders()).containsExactly(PEER_2);
    }

    @Test
    void choose_fromPeerThatLacksIt_namesTheHolders() {
        assertThatThrownBy(() -> FetchPlan.choose("6.txt", 9, List.of(SIX)))
                .hasMessage("Peer 9 does not share a file named 6.txt; it is shared by peer 1, 2.");
    }

    @Test
    void choose_onlySubstringMatches_isNotFound() {
        FileHit partial = new FileHit("16.txt", 3, SHA_B, List.of(holder(3, "16.txt")));
        assertThatThrownBy(() -> FetchPlan.choose("6.txt", null, List.of(partial)))
                .isInstanceOf(FetchPlan.NoSuchFileToFetch.class).hasMessage("No peer shares a file named 6.txt.");
    }

    @Test
    void choose_twoContentsWithOneName_asksForTheHash() {
        FileHit other = new FileHit("6.txt", 5, SHA_B, List.of(holder(3, "6.txt")));
        assertThatThrownBy(() -> FetchPlan.choose("6.txt", null, List.of(SIX, other)))
                .hasMessage("2 different files are named 6.txt; name the one you want by its SHA-256: "
                        + SHA_A + ", " + SHA_B + ".");
    }

    @Test
    void choose_twoContentsWithOneName_fromPeerDisambiguates() throws Exception {
        FileHit other = new FileHit("6.txt", 5, SHA_B, List.of(holder(3, "6.txt")));
        assertThat(FetchPlan.choose("6.txt", 3, List.of(SIX, other)).file().sha256()).isEqualTo(SHA_B);
    }

    @Test
    void choose_byHash_keepsTheSharedName() throws Exception {
        FetchPlan plan = FetchPlan.choose(SHA_A, null, List.of(SIX));
        assertThat(plan.file().name()).isEqualTo("6.txt");
    }

    @Test
    void choose_nameAsAnotherHolderCallsIt_downloadsUnderTheAskedName() throws Exception {
        FileHit renamed = new FileHit("six.txt", 12, SHA_A, List.of(holder(1, "six.txt"), holder(2, "6.txt")));
        assertThat(FetchPlan.choose("6.txt", null, List.of(renamed)).file().name()).isEqualTo("6.txt");
    }
}
