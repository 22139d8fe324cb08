package napster.indexer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * File names kept as bare byte arrays, 24 bytes a name cheaper than a String at a million
 * names. A name of Latin-1 characters (nearly all) is one byte per character; any other
 * name is a zero byte, then its UTF-16 chars big-endian. Latin-1 names never start with a
 * zero byte (the protocol refuses control characters), so each name has one encoding and
 * two names are equal exactly when their bytes are.
 */
final class NameBytes {
    private static final byte WIDE = 0;
    static final long SEED = new SecureRandom().nextLong();

    private NameBytes() {
    }

    static byte[] encode(String name) {
        if (isLatin1(name)) {
            return name.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] wide = new byte[1 + 2 * name.length()];
        wide[0] = WIDE;
        for (int i = 0; i < name.length(); i++) {
            wide[1 + 2 * i] = (byte) (name.charAt(i) >> 8);
            wide[2 + 2 * i] = (byte) name.charAt(i);
        }
        return wide;
    }

    static String decode(byte[] name) {
        return isLatin1(name) ? new String(name, StandardCharsets.ISO_8859_1)
                : new String(name, 1, name.length - 1, StandardCharsets.UTF_16BE);
    }

    static boolean isLatin1(byte[] name) {
        return name.length == 0 || name[0] != WIDE;
    }

    static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    static int length(byte[] name) {
        return isLatin1(name) ? name.length : (name.length - 1) / 2;
    }

    static char charAt(byte[] name, int index) {
        return isLatin1(name) ? (char) (name[index] & 0xFF)
                : (char) ((name[1 + 2 * index] & 0xFF) << 8 | name[2 + 2 * index] & 0xFF);
    }

    /** Whether the name is exactly {@code text}, without decoding it. */
    static boolean equals(byte[] name, String text) {
        if (length(name) != text.length()) {
            return false;
        }
        if (isLatin1(name)) {
            for (int i = 0; i < name.length; i++) {
                if ((name[i] & 0xFF) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (charAt(name, i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The order of the decoded Strings ({@link String#compareTo}). */
    static int compare(byte[] a, byte[] b) {
        if (isLatin1(a) && isLatin1(b)) {
            return Arrays.compareUnsigned(a, b);
        }
        int common = Math.min(length(a), length(b));
        for (int i = 0; i < common; i++) {
            int order = Character.compare(charAt(a, i), charAt(b, i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(length(a), length(b));
    }

    /**
     * The first four chars packed 16 bits each, 0 for chars the name lacks (no name holds a
     * 0 char): compared unsigned, prefixes are in the order of the names they start.
     */
    static long prefix(byte[] name) {
        long prefix = 0;
        int length = length(name);
        for (int i = 0; i < 4; i++) {
            prefix = prefix << 16 | (i < length ? charAt(name, i) : 0);
        }
        return prefix;
    }

    /** Hash of the name's chars; equals {@link #hash(CharSequence)} of the decoded name. */
    static int hash(byte[] name) {
        long hash = SEED;
        if (isLatin1(name)) {
            for (byte b : name) {
                hash = step(hash, (char) (b & 0xFF));
            }
        } else {
            for (int i = 0; i < length(name); i++) {
                hash = step(hash, charAt(name, i));
            }
        }
        return finish(hash);
    }

    /**
     * A hash of chars seeded per run, so that peers cannot pick names that all land in one
     * slot of the open-addressing tables (String.hashCode collisions are easy to make).
     */
    static int hash(CharSequence text) {
        long hash = SEED;
        for (int i = 0; i < text.length(); i++) {
            hash = step(hash, text.charAt(i));
        }
        return finish(hash);
    }

    /** Feeds one char into a hash started with {@link #SEED}; {@link #finish} makes the int. */
    static long step(long hash, char c) {
        return Long.rotateLeft((hash ^ c) * 0x9E3779B97F4A7C15L, 31);
    }

    static int finish(long hash) {
        return OpenSet.spread(hash);
    }
}
