package napster.peer.cli;

/**
 * Text from the network as a terminal should show it: characters that would change how the rest
 * of a line looks instead of showing themselves — controls, Unicode format characters (bidi
 * overrides such as U+202E, zero-width spaces and joiners, the BOM), line and paragraph
 * separators, half characters (unpaired surrogates) — are shown escaped as {@code \\uXXXX};
 * everything else (accents, CJK, emoji) prints as it is. JSON output is not passed through here:
 * it is exact, and its readers do their own escaping.
 */
final class DisplayText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DisplayText() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int codePoint = pair ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
            if (spoofs(codePoint)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escape(out, c);
                if (pair) {
                    escape(out, text.charAt(i + 1));
                }
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean spoofs(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
