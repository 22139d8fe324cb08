package napster.indexer;

import java.util.Arrays;

/** The words of the {@link Vocabulary} holding one 3- or 4-char piece (gram) of text. Not thread-safe. */
final class Gram {
    /** The gram's chars as {@link Vocabulary} packs and mixes them. */
    final long key;
    private Word[] words = new Word[2];
    private int size;

    Gram(long key) {
        this.key = key;
    }

    int size() {
        return size;
    }

    Word word(int index) {
        return words[index];
    }

    /** Adds the word unless it is the last one added (a gram twice in one word). */
    void add(Word word) {
        if (size > 0 && words[size - 1] == word) {
            return;
        }
        if (size == words.length) {
            words = Arrays.copyOf(words, size + (size >> 1) + 1);
        }
        words[size++] = word;
    }

    /** Keeps only the words some name holds; true if none is left. */
    boolean dropUnused() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (words[i].live > 0) {
                words[kept++] = words[i];
            }
        }
        Arrays.fill(words, kept, size, null);
        size = kept;
        return size == 0;
    }
}
