package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private final Vocabulary vocabulary = new Vocabulary();

    private void use(String... texts) {
        for (String text : texts) {
            Words split = new Words();
            split.load(NameBytes.encode(text));
            split.next();
            vocabulary.held(vocabulary.word(split));
        }
    }

    private List<String> containing(String text) {
        List<String> found = new ArrayList<>();
        vocabulary.forEachContaining(text, new SearchBudget(Integer.MAX_VALUE), word -> found.add(word.text));
        return found;
    }

    @Test
    void forEachContaining_textsOfAnyLength_findsEveryWordContainingThem() {
        use("kabori", "bori", "tesu", "ka", "mp3", "kaboribo");

        assertThat(containing("bori")).containsExactlyInAnyOrder("kabori", "bori", "kaboribo");
        assertThat(containing("abor")).containsExactlyInAnyOrder("kabori", "kaboribo");
        assertThat(containing("kaboribo")).containsExactly("kaboribo");
        assertThat(containing("bor")).containsExactlyInAnyOrder("kabori", "bori", "kaboribo");
        assertThat(containing("ka")).containsExactlyInAnyOrder("kabori", "ka", "kaboribo");
        assertThat(containing("3")).containsExactly("mp3");
        assertThat(containing("zzzz")).isEmpty();
    }

    @Test
    void forEachContaining_gramTwiceInAWord_findsItOnce() {
        use("kakaka");

        assertThat(containing("kaka")).containsExactly("kakaka");
    }

    @Test
    void forEachContaining_wordNoNameHolds_isLeftOut() {
        use("kabori", "tesu");
        vocabulary.released(vocabulary.find("tesu"));

        assertThat(containing("esu")).isEmpty();
        assertThat(vocabulary.size()).isEqualTo(1);
    }

    @Test
    void word_unusedThenUsedAgain_isFoundAgain() {
        use("tesu");
        Word tesu = vocabulary.find("tesu");
        vocabulary.released(tesu);

        use("tesu");

        assertThat(vocabulary.find("tesu")).isSameAs(tesu);
        assertThat(containing("tesu")).containsExactly("tesu");
        assertThat(vocabulary.size()).isEqualTo(1);
    }

    @Test
    void released_manyWords_dropsThemAndFindsTheRest() {
        for (int i = 0; i < 5_000; i++) {
            use("word" + i);
        }
        for (int i = 0; i < 4_000; i++) {
            vocabulary.released(vocabulary.find("word" + i));
        }

        assertThat(vocabulary.find("word1")).as("dropped with the other unused words").isNull();
        assertThat(vocabulary.size()).isEqualTo(1_000);
        assertThat(containing("word499")).containsExactlyInAnyOrder("word4990", "word4991", "word4992", "word4993",
                "word4994", "word4995", "word4996", "word4997", "word4998", "word4999");
    }
}
