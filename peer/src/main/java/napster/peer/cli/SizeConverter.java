package napster.peer.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a file size for {@code search --min-size} and {@code --max-size}: a number of bytes with
 * the same optional binary suffixes as a rate ({@link RateConverter}), e.g. {@code 900},
 * {@code 1M}, {@code 1.5G}.
 */
final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        Long bytes = RateConverter.bytes(value);
        if (bytes == null) {
            throw new TypeConversionException("'" + value + "' is not a size: give bytes with an optional K, M or G"
                    + " suffix, e.g. 1.5M.");
        }
        return bytes;
    }
}
