package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFoldingTest {
    // Latin-1 and names where lower-casing is not char by char: dotted capital I grows, a final sigma changes
    private static final List<String> NAMES = List.of("Song.MP3", "ÀÉÎÕÜ ÿ µ ß.txt", "İstanbul.jpg", "ΟΔΥΣΣΕΥΣ.txt",
            "Ὀδυσσεύς", "\u212Aelvin.dat", "kelvin.dat", "ǅemal", "日本語 Mix.flac");

    @Test
    void lower_everyLatin1Char_isWhatRootLocaleLowerCasingGives() {
        for (char c = 1; c <= 0xFF; c++) {
            assertThat(String.valueOf(CaseFolding.lower(c))).isEqualTo(NameMatch.lower(String.valueOf(c)));
        }
    }

    @Test
    void lower_anyName_isWhatRootLocaleLowerCasingGives() {
        for (String name : NAMES) {
            assertThat(CaseFolding.lower(NameBytes.encode(name))).isEqualTo(NameMatch.lower(name));
        }
    }

    @Test
    void lowerHash_anyName_isTheHashOfItsLowerCase() {
        for (String name : NAMES) {
            assertThat(CaseFolding.lowerHash(name)).as(name).isEqualTo(NameBytes.hash(NameMatch.lower(name)));
            assertThat(CaseFolding.lowerHash(NameBytes.encode(name))).as(name)
                    .isEqualTo(NameBytes.hash(NameMatch.lower(name)));
        }
    }

    @Test
    void equalsLower_anyName_agreesWithLowerCasingBoth() {
        for (String name : NAMES) {
            for (String other : NAMES) {
                String lowerOther = NameMatch.lower(other);
                assertThat(CaseFolding.equalsLower(NameBytes.encode(name), lowerOther)).as(name + " / " + other)
                        .isEqualTo(NameMatch.lower(name).equals(lowerOther));
                assertThat(CaseFolding.sameIgnoringCase(NameBytes.encode(name), other)).as(name + " / " + other)
                        .isEqualTo(NameMatch.lower(name).equals(lowerOther));
            }
        }
    }

    @Test
    void sameIgnoringCase_kelvinSignAndK_areTheSameName() {
        assertThat(CaseFolding.sameIgnoringCase(NameBytes.encode("\u212Aelvin.dat"), "KELVIN.dat")).isTrue();
    }

    @Test
    void containsLower_anyNameAndPiece_agreesWithLowerCasingBoth() {
        List<String> pieces = List.of("mp3", "SONG", "ÿ", "Σ", "σσ", "ς.txt", "i̇st", "istanbul", "kel", "日本", "x",
                "ǆ", "");
        for (String name : NAMES) {
            for (String piece : pieces) {
                String lowerPiece = NameMatch.lower(piece);
                assertThat(CaseFolding.containsLower(NameBytes.encode(name), lowerPiece)).as(name + " / " + piece)
                        .isEqualTo(NameMatch.lower(name).contains(lowerPiece));
            }
        }
    }
}
