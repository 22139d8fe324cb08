package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Sha256HexTest {
    private static final String SHA = "00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210";

    @Test
    void word_eachQuarter_isThoseDigitsAsALong() {
        assertThat(Sha256Hex.word(SHA, 0)).isEqualTo(0x0011223344556677L);
        assertThat(Sha256Hex.word(SHA, 1)).isEqualTo(0x8899aabbccddeeffL);
        assertThat(Sha256Hex.word(SHA, 3)).isEqualTo(0xfedcba9876543210L);
    }

    @Test
    void format_words_givesTheHexBack() {
        assertThat(Sha256Hex.format(Sha256Hex.word(SHA, 0), Sha256Hex.word(SHA, 1), Sha256Hex.word(SHA, 2),
                Sha256Hex.word(SHA, 3))).isEqualTo(SHA);
    }

    @Test
    void word_notHex_isRefused() {
        assertThatThrownBy(() -> Sha256Hex.word(SHA.replace('a', 'A'), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
