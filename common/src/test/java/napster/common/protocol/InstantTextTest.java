package napster.common.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
    @Test
    void writesExactlyWhatInstantToStringWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("-0500-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), nano);
            String text = InstantText.format(instant);
            assertEquals(instant.toString(), text);
            assertEquals(instant, InstantText.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "2024-02-29T12:00:00.5Z", "2026-11-28T04:23:19.12Z", "2026-11-28T04:23:19.1234Z",
            "2026-11-28T04:23:19+01:00", "2026-11-28T04:23:19.Z", "2026-11-28T23:59:60Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z"})
    void readsWhatInstantParseReads(String text) {
        assertEquals(Instant.parse(text), InstantText.parse(text));
    }

    /* Bad text is refused as Instant.parse refuses it: a DateTimeException, never a wrong instant. */
    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-28T24:00:01Z",
            "2026-11-28T04:60:00Z", "2026-11-28T04:23:19.1234567890Z", "2026-11-28 04:23:19Z",
            "2026-11-28T04:23:19", "2O26-11-28T04:23:19Z", "2026-11-28T04:23:1xZ", "2026-11-28T04:23:19.12a4Z"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeException.class, () -> Instant.parse(text));
        assertThrows(DateTimeException.class, () -> InstantText.parse(text));
    }
}
