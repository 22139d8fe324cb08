package napster.indexer;

import java.util.Arrays;

/**
 * One word of the {@link Vocabulary} and the names holding it. Removed names stay in the
 * list until {@link #dropDead}, so {@link #live} (the names that really hold it) can be
 * less than {@link #size}. Not thread-safe.
 */
final class Word {
    private static final NameEntry[] NONE = {};

    final String text;
    final int hash;
    /** {@link Words#packed} of the text: compared instead of it, which is another object to read. */
    final long packed;
    /** Names holding the word, counted by the {@link Vocabulary}. */
    int live;
    /** Marks the word as seen while one name is split, so a word twice in a name counts once. */
    int visit;
    private NameEntry[] names = NONE;
    private int size;

    Word(String text, int hash, long packed) {
        this.text = text;
        this.hash = hash;
        this.packed = packed;
    }

    int size() {
        return size;
    }

    NameEntry name(int index) {
        return names[index];
    }

    void add(NameEntry name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, Math.max(2, size + (size >> 1)));
        }
        names[size++] = name;
    }

    /** Keeps only the names still in the index, and lets the list shrink to them. */
    void dropDead() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!names[i].isEmpty()) {
                names[kept++] = names[i];
            }
        }
        Arrays.fill(names, kept, size, null);
        size = kept;
        if (names.length > 2 * size + 2) {
            names = Arrays.copyOf(names, size + (size >> 2) + 1);
        }
    }
}
