package napster.common.protocol;

import java.util.List;
import java.util.regex.Pattern;

/** Field checks shared by the protocol records; each failure names the field and why. */
public final class Fields {
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_HOST_LENGTH = 253;
    public static final int MAX_QUERY_LENGTH = 256;
    public static final int MAX_FILES_PER_MESSAGE = 5_000;
    public static final int MAX_SEARCH_LIMIT = 1_000;

    private static final Pattern PEER_KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private Fields() {
    }

    public static boolean isSha256(String text) {
        // a loop, not a regex: every file of every registration passes here
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A SHA-256 typed by a person, in either case (PowerShell prints them upper case), as the
     * protocol writes it: lower case; null when the text is not 64 hex digits.
     */
    public static String sha256AnyCase(String text) {
        if (text == null || text.length() != 64) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return isSha256(lower) ? lower : null;
    }

    public static String sha256(String field, String value) {
        if (!isSha256(value)) {
            throw new IllegalArgumentException(field + " must be 64 lowercase hex digits");
        }
        return value;
    }

    /** A bare file name: no path separators, no control characters, not "." or "..". */
    public static String fileName(String field, String value) {
        text(field, value, MAX_NAME_LENGTH);
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(field + " must not contain a path separator");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must not be '.' or '..'");
        }
        return value;
    }

    /**
     * Non-blank text of bounded length without control characters or unpaired UTF-16 surrogates
     * (half a character, which no UTF-8 text holds: stored, it would turn into another name).
     */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a whole character beyond the first 65,536
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must not contain half a character (an unpaired"
                        + " surrogate \\u" + Integer.toHexString(c) + ")");
            }
        }
        return value;
    }

    public static String host(String field, String value) {
        text(field, value, MAX_HOST_LENGTH);
        for (int i = 0; i < value.length(); i++) { // a loop, not a stream: every search hit's holders pass here
            if (Character.isWhitespace(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain spaces");
            }
        }
        return value;
    }

    public static int port(String field, int value) {
        if (value < 1 || value > 65_535) {
            throw new IllegalArgumentException(field + " must be between 1 and 65535");
        }
        return value;
    }

    public static String peerKey(String field, String value) {
        if (value == null || !PEER_KEY.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 16 to 128 letters, digits, '-' or '_'");
        }
        return value;
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }

    public static int positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1");
        }
        return value;
    }

    /**
     * A peer's upload capacity, each part optional (null: not told): {@code slots} at least 1,
     * {@code freeSlots} at least 0 and at most {@code slots}, {@code maxUploadRate} (bytes per
     * second) at least 0.
     */
    public static void uploadCapacity(Integer slots, Integer freeSlots, Long maxUploadRate) {
        if (slots != null) {
            positive("slots", slots);
        }
        if (freeSlots != null) {
            nonNegative("freeSlots", freeSlots);
            if (slots != null && freeSlots > slots) {
                throw new IllegalArgumentException("freeSlots must not be more than slots");
            }
        }
        if (maxUploadRate != null) {
            nonNegative("maxUploadRate", maxUploadRate);
        }
    }

    /** A null list becomes empty; a list past {@code max} entries or holding nulls is refused. */
    public static <T> List<T> list(String field, List<T> value, int max) {
        if (value == null) {
            return List.of();
        }
        if (value.size() > max) {
            throw new IllegalArgumentException(field + " must hold at most " + max + " entries");
        }
        for (T entry : value) {
            if (entry == null) {
                throw new IllegalArgumentException(field + " must not hold null entries");
            }
        }
        return List.copyOf(value);
    }
}
