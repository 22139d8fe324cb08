package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    private final Words split = new Words();

    private List<String> words(String name) {
        List<String> words = new ArrayList<>();
        split.load(NameBytes.encode(name));
        while (split.next()) {
            words.add(split.word());
            assertThat(split.is(split.word())).isTrue();
            assertThat(split.hash()).isEqualTo(NameBytes.hash(split.word()));
        }
        return words;
    }

    @Test
    void next_name_givesItsLowerCasedRunsOfLettersAndDigits() {
        assertThat(words("Kabori Tesu - KABORI_2 (Live).mp3"))
                .containsExactly("kabori", "tesu", "kabori", "2", "live", "mp3");
    }

    @Test
    void next_nameWithoutLettersOrDigits_givesNothing() {
        assertThat(words("-_- ...")).isEmpty();
    }

    @Test
    void next_nonLatin1Name_splitsItsLowerCase() {
        assertThat(words("ΟΔΥΣΣΕΥΣ-日本語.txt")).containsExactly("οδυσσευς", "日本語", "txt");
    }

    @Test
    void load_longNameAfterShortOne_splitsTheWholeLongName() {
        words("a");
        String longName = "x".repeat(300) + " y";

        assertThat(words(longName)).containsExactly("x".repeat(300), "y");
    }

    @Test
    void runs_query_areItsDistinctRunsLongestFirstAtMostMax() {
        assertThat(Words.runs("tesu - malo", 4)).containsExactly("tesu", "malo");
        assertThat(Words.runs("a - venika.mp3", 4)).containsExactly("venika", "mp3", "a");
        assertThat(Words.runs("a - venika.mp3", 2)).containsExactly("venika", "mp3");
        assertThat(Words.runs("mp3 mp3", 4)).containsExactly("mp3");
        assertThat(Words.runs(" - ", 4)).isEmpty();
    }

    @Test
    void packed_shortLatin1Word_isItsCharsAndLongOrWideOnesAreZero() {
        split.load(NameBytes.encode("ab abcdefgh abcdefghi ωmega"));

        split.next();
        assertThat(split.packed()).isEqualTo(0x6162L);
        split.next();
        assertThat(split.packed()).isEqualTo(0x6162636465666768L);
        split.next();
        assertThat(split.packed()).isZero();
        split.next();
        assertThat(split.packed()).isZero();
    }

    @Test
    void is_word_comparesPackedOrWholeText() {
        split.load(NameBytes.encode("tesu abcdefghi"));
        split.next();
        Word tesu = new Word("tesu", split.hash(), split.packed());

        assertThat(split.is(tesu)).isTrue();
        assertThat(split.is(new Word("tes", 0, 0x746573L))).isFalse();
        split.next();
        assertThat(split.is(tesu)).isFalse();
        assertThat(split.is(new Word("abcdefghi", 0, 0))).isTrue();
        assertThat(split.is(new Word("abcdefghj", 0, 0))).isFalse();
    }
}
