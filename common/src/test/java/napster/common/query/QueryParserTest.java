package napster.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {
    private static final String SHA = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

    @Test
    void bareWords_areEachRequired_asTheStartOfAWord() {
        SearchQuery query = QueryParser.parse("beatles  yest");

        assertThat(query.terms()).containsExactly(Term.prefix("beatles"), Term.prefix("yest"));
        assertThat(query.sha256()).isEmpty();
    }

    @Test
    void caseAndAccentsAreFolded() {
        assertThat(QueryParser.parse("BEYONCÉ Ｈalo").terms()).containsExactly(Term.prefix("beyonce"), Term.prefix("halo"));
    }

    @Test
    void aQuotedPhrase_wantsWholeWordsInOrder() {
        assertThat(QueryParser.parse("beatles \"Let It Be\"").terms())
                .containsExactly(Term.prefix("beatles"), Term.phrase(List.of("let", "it", "be")));
    }

    @Test
    void oneQuotedWord_isAWholeWord() {
        assertThat(QueryParser.parse("\"live\"").terms()).containsExactly(Term.phrase(List.of("live")));
    }

    @Test
    void anUnclosedQuote_runsToTheEnd() {
        assertThat(QueryParser.parse("\"let it be").terms()).containsExactly(Term.phrase(List.of("let", "it", "be")));
    }

    @Test
    void aMinus_excludes_wordsAndPhrases() {
        SearchQuery query = QueryParser.parse("beatles -live -\"take 2\"");

        assertThat(query.required()).containsExactly(Term.prefix("beatles"));
        assertThat(query.excluded()).containsExactly(Term.prefix("live").negated(),
                Term.phrase(List.of("take", "2")).negated());
    }

    @Test
    void punctuationInsideATerm_joinsItsWordsIntoAPhrase() {
        assertThat(QueryParser.parse("6.txt ac/dc").terms())
                .containsExactly(Term.phrase(List.of("6", "txt")), Term.phrase(List.of("ac", "dc")));
    }

    @Test
    void aLoneMinusOrPunctuation_isIgnored() {
        assertThat(QueryParser.parse("a - !!! b").terms()).containsExactly(Term.prefix("a"), Term.prefix("b"));
    }

    @Test
    void sixtyFourHexDigits_inEitherCase_areASha256() {
        SearchQuery query = QueryParser.parse(SHA.toUpperCase());

        assertThat(query.sha256()).isEqualTo(Optional.of(SHA));
        assertThat(query.terms()).isEmpty();
    }

    @Test
    void aSha256AndWords_narrowTheContentByName() {
        SearchQuery query = QueryParser.parse("mix " + SHA);

        assertThat(query.sha256()).contains(SHA);
        assertThat(query.terms()).containsExactly(Term.prefix("mix"));
    }

    @Test
    void theTextAsTyped_isKept_forTheExactNameRank() {
        assertThat(QueryParser.parse("  6.txt ").typed()).isEqualTo("6.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "\"\"", "-"})
    void nothingToLookFor_isRefused(String typed) {
        assertThatThrownBy(() -> QueryParser.parse(typed)).isInstanceOf(BadQueryException.class)
                .hasMessage("A search needs a word or a SHA-256 to look for.");
    }

    @Test
    void onlyExclusions_areRefused() {
        assertThatThrownBy(() -> QueryParser.parse("-live -demo")).isInstanceOf(BadQueryException.class)
                .hasMessage("A search needs a word to look for besides the ones it excludes.");
    }

    @Test
    void moreThanSixteenWords_areRefused() {
        String sixteen = "a b c d e f g h i j k l m n o p";
        assertThat(QueryParser.parse(sixteen).terms()).hasSize(16);

        assertThatThrownBy(() -> QueryParser.parse(sixteen + " -q")).isInstanceOf(BadQueryException.class)
                .hasMessage("A search takes at most 16 words; leave some out.");
    }

    @Test
    void anExcludedOrSecondSha256_isRefused() {
        String other = SHA.replace('3', '4');
        assertThatThrownBy(() -> QueryParser.parse("-" + SHA)).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("cannot be excluded");
        assertThatThrownBy(() -> QueryParser.parse(SHA + " " + other)).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("at most one SHA-256");
        assertThat(QueryParser.parse(SHA + " " + SHA.toUpperCase()).sha256()).contains(SHA);
    }
}
