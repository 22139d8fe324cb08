package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void of_bidiOverride_isShownEscapedSoTheNameCannotPoseAsAnother() {
        // shows as "invoice-fdp.exe" raw: the override turns "exe.pdf" around
        assertThat(DisplayText.of("invoice-\u202Efdp.exe")).isEqualTo("invoice-\\u202Efdp.exe");
    }

    @Test
    void of_lineSeparatorsAndZeroWidthCharactersAndControls_areShownEscaped() {
        assertThat(DisplayText.of("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
        assertThat(DisplayText.of("pay\u200Bpal\u200D\uFEFF")).isEqualTo("pay\\u200Bpal\\u200D\\uFEFF");
        assertThat(DisplayText.of("x\u001B[2Jy\u0085")).isEqualTo("x\\u001B[2Jy\\u0085");
    }

    @Test
    void of_halfACharacter_isShownEscaped() {
        assertThat(DisplayText.of("zz-sur\uD800.txt")).isEqualTo("zz-sur\\uD800.txt");
        assertThat(DisplayText.of("\uDC00")).isEqualTo("\\uDC00");
    }

    @Test
    void of_ordinaryNonAsciiText_printsAsItIs() {
        for (String name : new String[] {"Beyoncé - Déjà Vu.mp3", "日本語のファイル.txt", "😀 smile.png", "plain.txt", ""}) {
            assertThat(DisplayText.of(name)).isSameAs(name);
        }
    }
}
