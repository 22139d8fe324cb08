package napster.indexer;

/** A SHA-256 in the protocol's form (64 lower-case hex digits) as four longs, most significant first, and back. */
final class Sha256Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    // char -> its value as a lower-case hex digit, -1 for any other char below 128
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = (byte) i;
        }
    }

    private Sha256Hex() {
    }

    /**
     * Long {@code index} (0 to 3) of the hash.
     *
     * @throws IllegalArgumentException if those 16 chars are not lower-case hex digits
     */
    static long word(String hex, int index) {
        long word = 0;
        int invalid = 0;
        for (int i = 16 * index, end = i + 16; i < end; i++) {
            char c = hex.charAt(i);
            int digit = c < 128 ? VALUES[c] : -1;
            invalid |= digit;
            word = word << 4 | (digit & 0xF);
        }
        if (invalid < 0) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + hex);
        }
        return word;
    }

    static String format(long w0, long w1, long w2, long w3) {
        StringBuilder hex = new StringBuilder(64);
        append(hex, w0, w1, w2, w3);
        return hex.toString();
    }

    /** Appends the 64 hex digits, for text written straight from the index. */
    static void append(StringBuilder out, long w0, long w1, long w2, long w3) {
        appendWord(out, w0);
        appendWord(out, w1);
        appendWord(out, w2);
        appendWord(out, w3);
    }

    private static void appendWord(StringBuilder out, long word) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (word >>> shift) & 0xF]);
        }
    }
}
