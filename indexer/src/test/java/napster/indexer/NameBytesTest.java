package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameBytesTest {
    private static final List<String> NAMES = List.of("a", "ab", "abc", "B.mp3", "Ärger.ogg", "ärger.ogg", "ÿ",
            "Ωmega.txt", "ωmega.txt", "日本語.flac", "a日", "zz", "\u00ff\u0100", "K-Kelvin");

    @Test
    void encode_latin1Name_takesOneBytePerChar() {
        assertThat(NameBytes.encode("Ärger.ogg")).hasSize(9);
        assertThat(NameBytes.isLatin1(NameBytes.encode("Ärger.ogg"))).isTrue();
    }

    @Test
    void encode_otherName_takesAMarkerAndTwoBytesPerChar() {
        assertThat(NameBytes.encode("日本語")).hasSize(7);
        assertThat(NameBytes.isLatin1(NameBytes.encode("日本語"))).isFalse();
    }

    @Test
    void decode_anyName_givesTheNameBack() {
        for (String name : NAMES) {
            byte[] bytes = NameBytes.encode(name);
            assertThat(NameBytes.decode(bytes)).isEqualTo(name);
            assertThat(NameBytes.length(bytes)).isEqualTo(name.length());
            assertThat(NameBytes.equals(bytes, name)).isTrue();
        }
    }

    @Test
    void equals_otherText_isFalse() {
        assertThat(NameBytes.equals(NameBytes.encode("abc"), "abd")).isFalse();
        assertThat(NameBytes.equals(NameBytes.encode("abc"), "ab")).isFalse();
        assertThat(NameBytes.equals(NameBytes.encode("日本"), "日本語")).isFalse();
    }

    @Test
    void compare_anyNames_ordersAsStrings() {
        List<byte[]> encoded = new ArrayList<>(NAMES.stream().map(NameBytes::encode).toList());
        encoded.sort(NameBytes::compare);

        assertThat(encoded.stream().map(NameBytes::decode).toList())
                .isEqualTo(NAMES.stream().sorted(Comparator.naturalOrder()).toList());
    }

    @Test
    void prefix_anyNames_ordersAsTheirFirstFourChars() {
        for (String a : NAMES) {
            for (String b : NAMES) {
                int prefixOrder = Long.compareUnsigned(NameBytes.prefix(NameBytes.encode(a)),
                        NameBytes.prefix(NameBytes.encode(b)));
                String headA = a.substring(0, Math.min(4, a.length()));
                String headB = b.substring(0, Math.min(4, b.length()));
                assertThat(Integer.signum(prefixOrder)).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(headA.compareTo(headB)));
            }
        }
    }

    @Test
    void hash_bytesAndString_agree() {
        for (String name : NAMES) {
            assertThat(NameBytes.hash(NameBytes.encode(name))).isEqualTo(NameBytes.hash(name));
        }
        assertThat(NameBytes.hash("Aa")).isNotEqualTo(NameBytes.hash("BB")).as("String.hashCode collides there");
    }
}
