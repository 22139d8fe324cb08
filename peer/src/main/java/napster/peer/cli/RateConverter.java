package napster.peer.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a rate in bytes per second for {@code --max-upload-rate} and {@code --max-download-rate}:
 * a number with an optional binary suffix K, M or G (also KiB, MB/s ...: 1K = 1024), e.g.
 * {@code 16M}, {@code 1.5G}, {@code 500K}. {@code 0} means no cap.
 */
final class RateConverter implements ITypeConverter<Long> {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmg])(?:i?b)?|b)?(?:/s)?",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX = 1L << 50;

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        BigDecimal bytes = amount(value);
        if (bytes == null) {
            throw new TypeConversionException("'" + value + "' is not a rate: give bytes per second with an optional"
                    + " K, M or G suffix, e.g. 16M.");
        }
        if (bytes.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new TypeConversionException("'" + value + "' is more than any network can carry.");
        }
        long rate = bytes.longValue();
        if (rate == 0 && bytes.signum() > 0) {
            throw new TypeConversionException("'" + value + "' is less than one byte per second.");
        }
        return rate;
    }

    /** A number of bytes written as a rate is (suffixes K, M, G), fractions of a byte dropped; null if it is not one. */
    static Long bytes(String value) {
        BigDecimal bytes = amount(value);
        return bytes == null || bytes.compareTo(BigDecimal.valueOf(MAX)) > 0 ? null : bytes.longValue();
    }

    /* The number times its suffix; null if the text is not a number with an optional suffix. */
    private static BigDecimal amount(String value) {
        Matcher matcher = RATE.matcher(value.strip());
        if (!matcher.matches()) {
            return null;
        }
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1L << shift));
    }
}
