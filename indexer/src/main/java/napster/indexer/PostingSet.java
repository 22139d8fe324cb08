package napster.indexer;

import java.util.function.Consumer;

/**
 * One peer's files, keyed by name and content: an {@link OpenSet} of the postings
 * themselves, with no key or entry objects. Not thread-safe.
 */
final class PostingSet {
    /** A file to look up: its name, {@link CaseFolding#lowerHash} of it, and its content (null when nobody shares it). */
    record Key(String name, int lowerHash, Content content) {
    }

    private final OpenSet<Posting> postings = new OpenSet<>(Posting::keyHash);

    Posting find(Key key) {
        return key.content() == null ? null
                : postings.find(Posting.keyHash(key.lowerHash(), key.content()), posting -> matches(posting, key));
    }

    /** Removes and returns the posting of that file, or null if there is none. */
    Posting remove(Key key) {
        return key.content() == null ? null
                : postings.remove(Posting.keyHash(key.lowerHash(), key.content()), posting -> matches(posting, key));
    }

    /** Adds a posting whose file the set does not hold yet. */
    void add(Posting posting) {
        postings.add(posting);
    }

    int size() {
        return postings.size();
    }

    void forEach(Consumer<Posting> action) {
        postings.forEach(action);
    }

    private static boolean matches(Posting posting, Key key) {
        return posting.is(key.name(), key.content());
    }
}
