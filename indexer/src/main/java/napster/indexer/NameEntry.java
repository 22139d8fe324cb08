package napster.indexer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One distinct lower-cased name and the contents filed under it, each with how many
 * postings put it there. Nearly every name has one content, so that case is two fields
 * instead of a HashMap (hundreds of bytes per name at a million names). Not thread-safe.
 */
final class NameEntry {
    final String lowerName;
    /** Where {@link NamePages} keeps it; -1 while not placed. */
    int location = -1;

    private Content single;
    private int singleCount;
    private Map<Content, Integer> many;

    NameEntry(String lowerName) {
        this.lowerName = lowerName;
    }

    void add(Content content) {
        if (many != null) {
            many.merge(content, 1, Integer::sum);
        } else if (single == null || single == content) {
            single = content;
            singleCount++;
        } else {
            many = new HashMap<>();
            many.put(single, singleCount);
            many.put(content, 1);
            single = null;
            singleCount = 0;
        }
    }

    void remove(Content content) {
        if (many != null) {
            many.computeIfPresent(content, (key, count) -> count == 1 ? null : count - 1);
        } else if (single == content && --singleCount == 0) {
            single = null;
        }
    }

    boolean isEmpty() {
        return many != null ? many.isEmpty() : single == null;
    }

    void forEach(Consumer<Content> action) {
        if (many != null) {
            many.keySet().forEach(action);
        } else if (single != null) {
            action.accept(single);
        }
    }
}
