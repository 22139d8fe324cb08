package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GramTest {
    private final Gram gram = new Gram(1);

    @Test
    void add_sameWordTwiceInARow_keepsItOnce() {
        Word kaka = new Word("kaka", 1, 0);

        gram.add(kaka);
        gram.add(kaka);

        assertThat(gram.size()).isEqualTo(1);
        assertThat(gram.word(0)).isSameAs(kaka);
    }

    @Test
    void dropUnused_keepsTheWordsSomeNameHoldsInOrder() {
        Word used = new Word("a", 1, 0);
        Word unused = new Word("b", 2, 0);
        Word alsoUsed = new Word("c", 3, 0);
        used.live = 1;
        alsoUsed.live = 2;
        gram.add(used);
        gram.add(unused);
        gram.add(alsoUsed);

        assertThat(gram.dropUnused()).isFalse();

        assertThat(gram.size()).isEqualTo(2);
        assertThat(gram.word(0)).isSameAs(used);
        assertThat(gram.word(1)).isSameAs(alsoUsed);
        used.live = 0;
        alsoUsed.live = 0;
        assertThat(gram.dropUnused()).as("none left").isTrue();
    }
}
