package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class RateConverterTest {
    @ParameterizedTest(name = "{0} = {1} B/s")
    @CsvSource({
            "0, 0",
            "1000, 1000",
            "512b, 512",
            "16K, 16384",
            "16k, 16384",
            "16KiB, 16384",
            "16M, 16777216",
            "16MB/s, 16777216",
            "16m/s, 16777216",
            "1.5M, 1572864",
            "2G, 2147483648",
            "' 4M ', 4194304"})
    void parse_numberWithBinarySuffix_isBytesPerSecond(String text, long bytesPerSecond) {
        assertThat(RateConverter.parse(text)).isEqualTo(bytesPerSecond);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "-1M", "16T", "16 M M", "M", "1,5M", "0x10"})
    void parse_notARate_saysHowToWriteOne(String text) {
        assertThatThrownBy(() -> RateConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a rate: give bytes per second with an optional K, M or G suffix,"
                        + " e.g. 16M.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "0.1b"})
    void parse_lessThanOneBytePerSecond_isRefused(String text) {
        assertThatThrownBy(() -> RateConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is less than one byte per second.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999G", "9999999999999999999999"})
    void parse_absurdlyLarge_isRefused(String text) {
        assertThatThrownBy(() -> RateConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is more than any network can carry.");
    }
}
