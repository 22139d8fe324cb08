package napster.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    @Test
    void fileName_plainNameWithSpacesAndUnicode_isAccepted() {
        assertThat(Fields.fileName("name", "Für Elise (live).mp3")).isEqualTo("Für Elise (live).mp3");
    }

    @Test
    void fileName_badValues_areRefusedWithReason() {
        assertThatThrownBy(() -> Fields.fileName("name", "a/b")).hasMessage("name must not contain a path separator");
        assertThatThrownBy(() -> Fields.fileName("name", "a\\b")).hasMessage("name must not contain a path separator");
        assertThatThrownBy(() -> Fields.fileName("name", "..")).hasMessage("name must not be '.' or '..'");
        assertThatThrownBy(() -> Fields.fileName("name", "a\nb")).hasMessage("name must not contain control characters");
        assertThatThrownBy(() -> Fields.fileName("name", " ")).hasMessage("name is required");
        assertThatThrownBy(() -> Fields.fileName("name", "x".repeat(256))).hasMessage("name must be at most 255 characters");
    }

    @Test
    void sha256_uppercaseOrShort_isRefused() {
        assertThat(Fields.isSha256("0".repeat(64))).isTrue();
        assertThat(Fields.isSha256("A".repeat(64))).isFalse();
        assertThat(Fields.isSha256("0".repeat(63))).isFalse();
        assertThat(Fields.isSha256("0".repeat(65))).isFalse();
        assertThat(Fields.isSha256("0123456789abcdef".repeat(4))).isTrue();
        assertThat(Fields.isSha256("0".repeat(63) + "g")).isFalse();
        assertThat(Fields.isSha256("0".repeat(63) + "/")).isFalse();
        assertThat(Fields.isSha256("0".repeat(63) + ":")).isFalse();
        assertThat(Fields.isSha256(null)).isFalse();
    }

    @Test
    void port_outOfRange_isRefused() {
        assertThatThrownBy(() -> Fields.port("port", 0)).hasMessage("port must be between 1 and 65535");
        assertThatThrownBy(() -> Fields.port("port", 65_536)).hasMessage("port must be between 1 and 65535");
    }

    @Test
    void peerKey_tooShortOrOddCharacters_isRefused() {
        assertThatThrownBy(() -> Fields.peerKey("peerKey", "short")).hasMessageContaining("16 to 128");
        assertThatThrownBy(() -> Fields.peerKey("peerKey", "x".repeat(20) + "/")).hasMessageContaining("16 to 128");
    }

    @Test
    void list_tooManyOrNullEntries_isRefused() {
        assertThat(Fields.list("files", null, 1)).isEmpty();
        assertThatThrownBy(() -> Fields.list("files", List.of(1, 2), 1)).hasMessage("files must hold at most 1 entries");
        List<Integer> withNull = new ArrayList<>(Collections.singletonList(null));
        assertThatThrownBy(() -> Fields.list("files", withNull, 5)).hasMessage("files must not hold null entries");
    }
}
