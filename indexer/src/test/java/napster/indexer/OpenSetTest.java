package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenSetTest {
    /** An element whose hash the test picks, so that probe runs collide and wrap around. */
    private record Item(int key, int hash) {
    }

    private final OpenSet<Item> set = new OpenSet<>();

    private void add(Item item) {
        set.add(item, item.hash());
    }

    private boolean remove(Item item) {
        return set.remove(item, item.hash());
    }

    private Item find(Item item) {
        return set.find(item.hash(), candidate -> candidate.key() == item.key());
    }

    @Test
    void find_sameHashDifferentKeys_findsEachByItsKey() {
        Item a = new Item(1, 7);
        Item b = new Item(2, 7);
        add(a);
        add(b);

        assertThat(find(a)).isSameAs(a);
        assertThat(find(b)).isSameAs(b);
        assertThat(find(new Item(3, 7))).isNull();
    }

    @Test
    void remove_fromTheMiddleOfARun_keepsTheRestFindable() {
        List<Item> items = new ArrayList<>();
        for (int key = 0; key < 6; key++) {
            // hashes 3, 3, 4, 4, 5, 5 in a table of 16: one run of six, all in a row
            items.add(new Item(key, 3 + key / 2));
            add(items.get(key));
        }

        assertThat(remove(items.get(1))).isTrue();
        assertThat(remove(items.get(1))).isFalse();

        assertThat(items).filteredOn(item -> item.key() != 1).allSatisfy(item -> assertThat(find(item)).isSameAs(item));
        assertThat(set.size()).isEqualTo(5);
    }

    @Test
    void addFindRemove_randomWork_agreesWithAHashMap() {
        Random random = new Random(7);
        Map<Integer, Item> model = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            int key = random.nextInt(2_000);
            // few distinct hashes: long runs that wrap around the end of the table
            Item item = new Item(key, key % 97 * 0x01010101 + (key & 1) * Integer.MIN_VALUE);
            if (random.nextInt(3) == 0) {
                Item removed = set.remove(item.hash(), candidate -> candidate.key() == key);
                assertThat(removed).isEqualTo(model.remove(key));
            } else if (find(item) == null) {
                add(item);
                model.put(key, item);
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
        model.values().forEach(item -> assertThat(find(item)).isSameAs(item));
        List<Item> all = new ArrayList<>();
        set.forEach(all::add);
        assertThat(all).containsExactlyInAnyOrderElementsOf(model.values());
    }

    @Test
    void remove_mostElements_shrinksAndKeepsTheRest() {
        List<Item> items = new ArrayList<>();
        for (int key = 0; key < 1_000; key++) {
            items.add(new Item(key, OpenSet.spread(key)));
            add(items.get(key));
        }
        for (int key = 0; key < 990; key++) {
            remove(items.get(key));
        }

        assertThat(set.size()).isEqualTo(10);
        items.subList(990, 1_000).forEach(item -> assertThat(find(item)).isSameAs(item));
        assertThat(set.isEmpty()).isFalse();
    }
}
