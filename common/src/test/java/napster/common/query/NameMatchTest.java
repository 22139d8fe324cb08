package napster.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatchTest {
    private static final String SHA = "ab".repeat(32);

    private static boolean matches(String typed, String name) {
        return NameMatch.matches(QueryParser.parse(typed), name, SHA);
    }

    @Test
    void everyWord_matchesTheStartOfAWord_inAnyOrder_caseAndAccentsFolded() {
        assertThat(matches("beatles yesterday", "The Beatles - Yesterday.mp3")).isTrue();
        assertThat(matches("beat yest", "The Beatles - Yesterday.mp3")).isTrue();
        assertThat(matches("yesterday beatles", "The Beatles - Yesterday.mp3")).isTrue();
        assertThat(matches("BEYONCE", "Beyoncé - Halo.flac")).isTrue();
        assertThat(matches("mp3", "The Beatles - Yesterday.mp3")).isTrue();
        assertThat(matches("eatl", "The Beatles - Yesterday.mp3")).as("inside a word").isFalse();
        assertThat(matches("beatles help", "The Beatles - Yesterday.mp3")).as("every word").isFalse();
    }

    @Test
    void phrases_wantWholeWordsInOrder_exclusionsRuleNamesOut() {
        assertThat(matches("\"let it be\"", "Let It Be (live).mp3")).isTrue();
        assertThat(matches("\"be it let\"", "Let It Be (live).mp3")).isFalse();
        assertThat(matches("\"let it b\"", "Let It Be (live).mp3")).as("whole words").isFalse();
        assertThat(matches("ac/dc", "AC-DC - Thunderstruck.mp3")).isTrue();
        assertThat(matches("beatles -live", "The Beatles - Yesterday (Live).mp3")).isFalse();
        assertThat(matches("beatles -live", "The Beatles - Yesterday.mp3")).isTrue();
    }

    @Test
    void aSha256_matchesThatContentOnly_inEitherCase() {
        assertThat(NameMatch.matches(QueryParser.parse(SHA.toUpperCase()), "anything.bin", SHA)).isTrue();
        assertThat(NameMatch.matches(QueryParser.parse("cd".repeat(32)), "anything.bin", SHA)).isFalse();
    }
}
