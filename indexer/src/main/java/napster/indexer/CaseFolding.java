package napster.indexer;

import java.nio.charset.StandardCharsets;

/**
 * Compares names ignoring case exactly as lower-casing both with {@link NameMatch#lower}
 * (Locale.ROOT) would, without keeping a lower-cased copy of every name. Lower-casing a
 * Latin-1 String maps each char on its own to a Latin-1 char, so Latin-1 names are folded
 * byte by byte as they are read; other names (rare) are decoded and lowered whole, because
 * there lower-casing may depend on context (final sigma) or change the length.
 */
final class CaseFolding {
    private static final char[] LOWER = new char[256];

    static {
        for (char c = 0; c < LOWER.length; c++) {
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    private CaseFolding() {
    }

    /** The lower-cased form of a Latin-1 char. */
    static char lower(int latin1) {
        return LOWER[latin1 & 0xFF];
    }

    /** The name lower-cased, as a String. */
    static String lower(byte[] name) {
        if (!NameBytes.isLatin1(name)) {
            return NameMatch.lower(NameBytes.decode(name));
        }
        byte[] lower = new byte[name.length];
        for (int i = 0; i < name.length; i++) {
            lower[i] = (byte) LOWER[name[i] & 0xFF];
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    /** {@link NameBytes#hash(CharSequence)} of the name lower-cased. */
    static int lowerHash(byte[] name) {
        if (!NameBytes.isLatin1(name)) {
            return NameBytes.hash(lower(name));
        }
        long hash = NameBytes.SEED;
        for (byte b : name) {
            hash = NameBytes.step(hash, LOWER[b & 0xFF]);
        }
        return NameBytes.finish(hash);
    }

    /** {@link NameBytes#hash(CharSequence)} of the lower-cased name, lowering it as it goes where it can. */
    static int lowerHash(String name) {
        if (!NameBytes.isLatin1(name)) {
            return NameBytes.hash(NameMatch.lower(name));
        }
        long hash = NameBytes.SEED;
        for (int i = 0; i < name.length(); i++) {
            hash = NameBytes.step(hash, LOWER[name.charAt(i)]);
        }
        return NameBytes.finish(hash);
    }

    /** Whether the name lower-cased is {@code lowerText}. */
    static boolean equalsLower(byte[] name, String lowerText) {
        if (!NameBytes.isLatin1(name)) {
            return lower(name).equals(lowerText);
        }
        if (name.length != lowerText.length()) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (LOWER[name[i] & 0xFF] != lowerText.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two names are the same once lower-cased. */
    static boolean sameIgnoringCase(byte[] name, String other) {
        if (!NameBytes.isLatin1(name) || !NameBytes.isLatin1(other)) {
            return lower(name).equals(NameMatch.lower(other));
        }
        if (name.length != other.length()) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (LOWER[name[i] & 0xFF] != LOWER[other.charAt(i)]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the name lower-cased contains {@code lowerText}. */
    static boolean containsLower(byte[] name, String lowerText) {
        if (!NameBytes.isLatin1(name)) {
            return lower(name).contains(lowerText);
        }
        int length = lowerText.length();
        if (length == 0) {
            return true;
        }
        char first = lowerText.charAt(0);
        for (int at = 0, last = name.length - length; at <= last; at++) {
            if (LOWER[name[at] & 0xFF] == first && regionMatches(name, at + 1, lowerText, 1, length - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] name, int from, String lowerText, int textFrom, int length) {
        for (int i = 0; i < length; i++) {
            if (LOWER[name[from + i] & 0xFF] != lowerText.charAt(textFrom + i)) {
                return false;
            }
        }
        return true;
    }
}
