package napster.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSplitterTest {
    @Test
    void wordsAreRunsOfLettersAndDigits_theExtensionIsOne() {
        assertThat(WordSplitter.words("The Beatles - Yesterday (1965).MP3"))
                .containsExactly("the", "beatles", "yesterday", "1965", "mp3");
    }

    @Test
    void accentsAndCompatibilityFormsAreFolded() {
        assertThat(WordSplitter.words("Beyoncé – Ｈalo ﬁnal")).containsExactly("beyonce", "halo", "final");
    }

    @Test
    void lettersBeyondLatinAreWords_andSupplementaryCharactersStayWhole() {
        assertThat(WordSplitter.words("Чайковский_Лебединое 𝐀b")).containsExactly("чаиковскии", "лебединое", "ab");
    }

    @Test
    void aTextWithoutLettersOrDigits_hasNoWords() {
        assertThat(WordSplitter.words(" -_.!? ")).isEmpty();
    }
}
