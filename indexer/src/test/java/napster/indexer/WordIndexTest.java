package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordIndexTest {
    private final OpenSet<NameEntry> all = new OpenSet<>();
    private final WordIndex index = new WordIndex(all);
    private final Content content = new Content(1, 2, 3, 4);

    private NameEntry add(String name) {
        NameEntry entry = new NameEntry(NameBytes.encode(name));
        entry.add(content);
        all.add(entry, CaseFolding.lowerHash(name));
        index.add(entry);
        return entry;
    }

    private void remove(NameEntry entry) {
        entry.remove(content);
        all.remove(entry, CaseFolding.lowerHash(entry.name));
        index.remove(entry);
    }

    private List<String> containing(String lowerQuery) {
        List<String> found = new ArrayList<>();
        index.forEachContaining(lowerQuery, new SearchBudget(Integer.MAX_VALUE), entry -> found.add(NameBytes.decode(entry.name)));
        return found;
    }

    @Test
    void forEachContaining_oneWordQuery_findsNamesWithAWordContainingIt() {
        add("Kabori Tesu - Malo Venika.mp3");
        add("Kaboribo Sana.ogg");
        add("Tesu Kabo.mp3");

        assertThat(containing("kabori")).containsExactlyInAnyOrder("Kabori Tesu - Malo Venika.mp3",
                "Kaboribo Sana.ogg");
    }

    @Test
    void forEachContaining_querySpanningWords_findsOnlyNamesHoldingAllOfIt() {
        add("Kabori Tesu - Malo Venika.mp3");
        add("Tesu Malo.mp3");
        add("Tesu - Mano.mp3");

        assertThat(containing("tesu - ma")).containsExactlyInAnyOrder("Kabori Tesu - Malo Venika.mp3",
                "Tesu - Mano.mp3");
    }

    @Test
    void forEachContaining_queryWithoutLettersOrDigits_readsEveryName() {
        add("a - b.mp3");
        add("ab.mp3");
        add("-_-");

        assertThat(containing(" - ")).containsExactly("a - b.mp3");
        assertThat(containing("_")).containsExactly("-_-");
    }

    @Test
    void forEachContaining_removedName_isNotFound() {
        NameEntry gone = add("Malo Venika.mp3");
        add("Venika Tesu.mp3");

        remove(gone);

        assertThat(containing("venika")).containsExactly("Venika Tesu.mp3");
        assertThat(containing(".")).containsExactly("Venika Tesu.mp3");
    }

    @Test
    void remove_mostNamesOfAWord_compactsItsListToTheLiveOnes() {
        List<NameEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            entries.add(add("song " + i + ".mp3"));
        }
        Word mp3 = index.word("mp3");

        entries.subList(0, 900).forEach(this::remove);

        assertThat(mp3.live).isEqualTo(100);
        assertThat(mp3.size()).as("dead names never outnumber live ones").isLessThanOrEqualTo(200);
        assertThat(containing("mp3")).hasSize(100);
    }

    @Test
    void add_nameRemovedBefore_isFoundOnce() {
        remove(add("Malo.mp3"));
        add("Malo.mp3");

        assertThat(containing("malo")).containsExactly("Malo.mp3");
    }
}
