package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {
    private final SizeConverter sizes = new SizeConverter();

    @ParameterizedTest(name = "{0} = {1} B")
    @CsvSource({"0, 0", "900, 900", "1K, 1024", "1M, 1048576", "1.5G, 1610612736", "1.1K, 1126", "20MiB, 20971520"})
    void convert_numberWithBinarySuffix_isBytes(String text, long bytes) {
        assertThat(sizes.convert(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "big", "-1", "16T", "1,5M"})
    void convert_notASize_saysHowToWriteOne(String text) {
        assertThatThrownBy(() -> sizes.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a size: give bytes with an optional K, M or G suffix, e.g. 1.5M.");
    }
}
