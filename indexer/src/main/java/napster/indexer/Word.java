package napster.indexer;

import java.util.ArrayList;
import java.util.List;

/**
 * One word of the {@link Vocabulary} and the names holding it. Removed names stay in
 * {@link #names} until the {@link WordIndex} compacts it, so {@link #live} (the names that
 * really hold it) can be less than its size. Not thread-safe.
 */
final class Word {
    final String text;
    final List<NameEntry> names = new ArrayList<>(2);
    int live;

    Word(String text) {
        this.text = text;
    }
}
