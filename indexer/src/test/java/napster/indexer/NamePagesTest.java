package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamePagesTest {
    private final NamePages pages = new NamePages();

    private NameEntry add(String lowerName) {
        NameEntry entry = new NameEntry(lowerName);
        pages.add(entry);
        return entry;
    }

    private List<String> containing(String query) {
        List<String> found = new ArrayList<>();
        pages.forEachContaining(query, entry -> found.add(entry.lowerName));
        return found;
    }

    @Test
    void forEachContaining_queryTwiceInOneName_reportsTheNameOnce() {
        add("abcabc");
        add("xyz");
        pages.flush();

        assertThat(containing("abc")).containsExactly("abcabc");
        assertThat(containing("c")).containsExactly("abcabc");
    }

    @Test
    void forEachContaining_namesOverManyPages_findsEveryMatch() {
        for (int i = 0; i < 3 * NamePages.PAGE_SIZE + 7; i++) {
            add("file-" + i + ".txt");
        }
        pages.flush();

        assertThat(containing("-7")).hasSize(1 + 10 + 75).contains("file-7.txt", "file-774.txt");
        assertThat(containing(".txt")).hasSize(3 * NamePages.PAGE_SIZE + 7);
    }

    @Test
    void forEachContaining_queryWithSeparator_matchesNothing() {
        add("a");
        add("b");
        pages.flush();

        assertThat(containing("a\nb")).isEmpty();
    }

    @Test
    void remove_thenFlush_nameIsGoneAndItsSlotIsReused() {
        NameEntry gone = add("gone.txt");
        add("kept.txt");
        pages.flush();
        int location = gone.location;

        pages.remove(gone);
        pages.flush();
        NameEntry next = add("next.txt");
        pages.flush();

        assertThat(containing(".txt")).containsExactlyInAnyOrder("kept.txt", "next.txt");
        assertThat(next.location).isEqualTo(location);
        assertThat(gone.location).isEqualTo(-1);
    }
}
