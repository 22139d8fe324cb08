package napster.indexer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One distinct name, ignoring case, and the contents filed under it, each with how many
 * postings put it there. {@link #name} is the name of one of those postings, in its case.
 * Nearly every name has one content, so that case is a field instead of a HashMap
 * (hundreds of bytes per name at a million names). Not thread-safe.
 */
final class NameEntry {
    final byte[] name;

    // a Content, or a Map<Content, Integer> of two or more with their postings each
    private Object contents;
    // postings under the name: kept here so that telling a dead entry needs no other object
    private int postings;

    NameEntry(byte[] name) {
        this.name = name;
    }

    void add(Content content) {
        if (contents instanceof Map<?, ?>) {
            many().merge(content, 1, Integer::sum);
        } else if (contents == null || contents == content) {
            contents = content;
        } else {
            Map<Content, Integer> many = new HashMap<>();
            many.put((Content) contents, postings);
            many.put(content, 1);
            contents = many;
        }
        postings++;
    }

    /** Takes back one {@link #add} of the content. */
    void remove(Content content) {
        if (contents instanceof Map<?, ?>) {
            many().computeIfPresent(content, (key, count) -> count == 1 ? null : count - 1);
        }
        if (--postings == 0) {
            contents = null;
        }
    }

    /** True once its last posting is gone: then it is out of the index for good. */
    boolean isEmpty() {
        return postings == 0;
    }

    /** The content when the name has just one, else null. */
    Content onlyContent() {
        return contents instanceof Content content ? content : null;
    }

    void forEach(Consumer<Content> action) {
        if (contents instanceof Map<?, ?>) {
            many().keySet().forEach(action);
        } else if (contents != null) {
            action.accept((Content) contents);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Content, Integer> many() {
        return (Map<Content, Integer>) contents;
    }
}
