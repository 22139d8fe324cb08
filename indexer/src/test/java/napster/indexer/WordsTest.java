package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void of_name_isItsDistinctLowerCasedRunsOfLettersAndDigits() {
        assertThat(Words.of(NameBytes.encode("Kabori Tesu - KABORI_2 (Live).mp3")))
                .containsExactly("kabori", "tesu", "2", "live", "mp3");
    }

    @Test
    void of_nameWithoutLettersOrDigits_isEmpty() {
        assertThat(Words.of(NameBytes.encode("-_- ..."))).isEmpty();
    }

    @Test
    void of_nonLatin1Name_splitsItsLowerCase() {
        assertThat(Words.of(NameBytes.encode("ΟΔΥΣΣΕΥΣ-日本語.txt"))).containsExactly("οδυσσευς", "日本語", "txt");
    }

    @Test
    void longestRun_query_isItsLongestWordFirstOfEqualOnes() {
        assertThat(Words.longestRun("tesu - malo")).isEqualTo("tesu");
        assertThat(Words.longestRun("a - venika.mp3")).isEqualTo("venika");
        assertThat(Words.longestRun(" - ")).isEmpty();
    }
}
