package napster.common.query;

import java.util.List;

/**
 * One thing a query asks of a name. A single word typed bare matches the start of a word
 * ({@code beat} matches {@code Beatles}); quoted, or several words joined by punctuation
 * ({@code "let it be"}, {@code ac/dc}), the words must be whole and in that order. An excluded
 * term rules out the names it matches.
 *
 * @param words folded words, at least one
 * @param whole whether the words must be whole words in this order; false only for one bare word
 * @param excluded whether names it matches are ruled out
 */
public record Term(List<String> words, boolean whole, boolean excluded) {
    public Term {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a term needs a word");
        }
        if (!whole && words.size() > 1) {
            throw new IllegalArgumentException("several words are matched whole, in order");
        }
    }

    /** A bare word matched as the start of a word. */
    public static Term prefix(String word) {
        return new Term(List.of(word), false, false);
    }

    /** Words matched whole and in order. */
    public static Term phrase(List<String> words) {
        return new Term(words, true, false);
    }

    /** The same term, ruling names out instead. */
    public Term negated() {
        return new Term(words, whole, true);
    }
}
