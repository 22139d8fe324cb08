package napster.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The distinct words of all names, with an index of their 3- and 4-letter pieces (grams) to
 * find the words containing some text without reading them all: the vocabulary is far
 * smaller than the names (20k words for a million names), and the rarest gram of the text
 * narrows it to a handful (4-grams: a few words; 3-grams: dozens, each a cache miss or
 * three). A word no name holds any more stays, unused, until such words are half of them;
 * then one pass drops them all, which keeps removal cheap. Not thread-safe.
 */
final class Vocabulary {
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 4;
    private static final int MIN_REBUILD = 1_024;

    private final OpenSet<Word> words = new OpenSet<>();
    private final OpenSet<Gram> grams = new OpenSet<>();
    // words some name holds
    private int used;
    // chars of all the words kept, held or not: with their count, what the vocabulary costs (see IndexBudget)
    private long chars;

    /** The current word of the splitter, added (held by no name yet) if new. */
    Word word(Words current) {
        int hash = current.hash();
        Word word = words.find(hash, current::is);
        if (word == null) {
            word = new Word(current.word(), hash, current.packed());
            words.add(word, hash);
            chars += word.text.length();
            index(word);
        }
        return word;
    }

    /** Counts one more name holding the word. */
    void held(Word word) {
        if (word.live++ == 0) {
            used++;
        }
    }

    /** Counts one name less holding the word; the caller has dropped it from the word's list. */
    void released(Word word) {
        if (--word.live == 0 && --used < words.size() / 2 && words.size() - used >= MIN_REBUILD) {
            dropUnused();
        }
    }

    /** The current word of the splitter, or null if no name held it since unused words were last dropped. */
    Word find(Words current) {
        return words.find(current.hash(), current::is);
    }

    /** The word, or null if no name held it since unused words were last dropped. */
    Word find(String text) {
        return words.find(NameBytes.hash(text), word -> word.text.equals(text));
    }

    /**
     * Calls {@code action} once for every word some name holds that contains {@code text}, each
     * word read taken from {@code budget}; stops when the budget is spent.
     */
    void forEachContaining(String text, SearchBudget budget, Consumer<Word> action) {
        if (text.length() < MIN_GRAM) {
            words.forEachWhile(word -> {
                if (!budget.take()) {
                    return false;
                }
                accept(word, text, action);
                return true;
            });
            return;
        }
        int length = Math.min(MAX_GRAM, text.length());
        Gram rarest = null;
        for (int i = 0; i + length <= text.length(); i++) {
            Gram gram = gram(key(text, i, length));
            if (gram == null) {
                return;
            }
            if (rarest == null || gram.size() < rarest.size()) {
                rarest = gram;
            }
        }
        for (int i = 0; i < rarest.size() && budget.take(); i++) {
            accept(rarest.word(i), text, action);
        }
    }

    /** Words some name holds. */
    int size() {
        return used;
    }

    /** Words kept, held or not (unused ones go in batches). */
    int kept() {
        return words.size();
    }

    /** Chars of the words kept. */
    long keptChars() {
        return chars;
    }

    private static void accept(Word word, String text, Consumer<Word> action) {
        if (word.live > 0 && word.text.contains(text)) {
            action.accept(word);
        }
    }

    private void index(Word word) {
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int i = 0; i + length <= word.text.length(); i++) {
                long key = key(word.text, i, length);
                Gram gram = gram(key);
                if (gram == null) {
                    gram = new Gram(key);
                    grams.add(gram, hash(key));
                }
                gram.add(word);
            }
        }
    }

    private Gram gram(long key) {
        return grams.find(hash(key), gram -> gram.key == key);
    }

    /** Forgets the words no name holds, from the vocabulary and from every gram. */
    private void dropUnused() {
        List<Word> unusedWords = new ArrayList<>();
        words.forEach(word -> {
            if (word.live == 0) {
                unusedWords.add(word);
            }
        });
        unusedWords.forEach(word -> {
            words.remove(word, word.hash);
            chars -= word.text.length();
        });
        List<Gram> emptyGrams = new ArrayList<>();
        grams.forEach(gram -> {
            if (gram.dropUnused()) {
                emptyGrams.add(gram);
            }
        });
        emptyGrams.forEach(gram -> grams.remove(gram, hash(gram.key)));
    }

    private static int hash(long key) {
        return (int) (key ^ key >>> 32);
    }

    /**
     * The chars of text[at, at + length) packed 16 bits each, after the length (a 3-gram has
     * 3 in its top 16 bits, where a 4-gram has its first char, a letter or digit, never 3),
     * then mixed: packed letters differ in few bits, and Long.hashCode would pile them into
     * a few dozen buckets.
     */
    private static long key(String text, int at, int length) {
        long key = length;
        for (int i = at; i < at + length; i++) {
            key = key << 16 | text.charAt(i);
        }
        return OpenSet.mix(key);
    }
}
