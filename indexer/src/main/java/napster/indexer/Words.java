package napster.indexer;

/**
 * Splits names into words: the maximal runs of letters and digits of the name lower-cased.
 * A lower-cased name contains a lower-cased query only if some word of the name contains
 * the query's longest run, so the {@link WordIndex} can look names up by the words they
 * hold. One splitter reuses one buffer for every name, so indexing a word allocates nothing;
 * not thread-safe.
 */
final class Words {
    private char[] text = new char[256];
    private int length;
    private int from;
    private int to;

    /** Takes the name, lower-cased; {@link #next} then steps through its words. */
    void load(byte[] name) {
        if (NameBytes.isLatin1(name)) {
            ensure(name.length);
            for (int i = 0; i < name.length; i++) {
                text[i] = CaseFolding.lower(name[i]);
            }
            length = name.length;
        } else {
            String lower = CaseFolding.lower(name);
            ensure(lower.length());
            lower.getChars(0, lower.length(), text, 0);
            length = lower.length();
        }
        from = 0;
        to = 0;
    }

    /** Moves to the next word; false when there is none. */
    boolean next() {
        from = to;
        while (from < length && !isWordChar(text[from])) {
            from++;
        }
        to = from;
        while (to < length && isWordChar(text[to])) {
            to++;
        }
        return from < to;
    }

    /** {@link NameBytes#hash(CharSequence)} of the current word. */
    int hash() {
        long hash = NameBytes.SEED;
        for (int i = from; i < to; i++) {
            hash = NameBytes.step(hash, text[i]);
        }
        return NameBytes.finish(hash);
    }

    /**
     * The current word packed into a long, 8 bits a char, if it is at most 8 chars below 256
     * (most words are); else 0. Words are never 0 chars, so no two words pack alike.
     */
    long packed() {
        if (to - from > Long.BYTES) {
            return 0;
        }
        long packed = 0;
        for (int i = from; i < to; i++) {
            if (text[i] > 0xFF) {
                return 0;
            }
            packed = packed << 8 | text[i];
        }
        return packed;
    }

    /** Whether the current word is {@code word}: by {@link #packed} when the word has it, else by its text. */
    boolean is(Word word) {
        return word.packed != 0 ? word.packed == packed() : is(word.text);
    }

    /** Whether the current word is {@code word}. */
    boolean is(String word) {
        if (word.length() != to - from) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The current word as a String. */
    String word() {
        return new String(text, from, to - from);
    }

    /** The longest run of letters and digits in the text (the first of equal ones); empty if it has none. */
    /** The distinct runs of letters and digits in the text, longest first, at most {@code max}. */
    static java.util.List<String> runs(String lowerText, int max) {
        java.util.LinkedHashSet<String> runs = new java.util.LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= lowerText.length(); i++) {
            boolean inWord = i < lowerText.length() && isWordChar(lowerText.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                runs.add(lowerText.substring(start, i));
                start = -1;
            }
        }
        return runs.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(max).toList();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private void ensure(int capacity) {
        if (text.length < capacity) {
            text = new char[Math.max(capacity, 2 * text.length)];
        }
    }
}
