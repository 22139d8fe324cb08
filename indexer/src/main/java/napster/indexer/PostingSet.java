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

    private final OpenSet<Posting> postings = new OpenSet<>();

    Posting find(Key key) {
        return key.content() == null ? null : postings.find(hash(key), posting -> matches(posting, key));
    }

    /** Removes and returns the posting of that file, or null if there is none. */
    Posting remove(Key key) {
        return key.content() == null ? null : postings.remove(hash(key), posting -> matches(posting, key));
    }

    /** Adds the posting of a file the set does not hold yet, found by {@code key}. */
    void add(Posting posting, Key key) {
        postings.add(posting, hash(key.lowerHash(), posting.content)); // the key has no content when it was new
    }

    int size() {
        return postings.size();
    }

    void forEach(Consumer<Posting> action) {
        postings.forEach(action);
    }

    private static int hash(Key key) {
        return hash(key.lowerHash(), key.content());
    }

    private static int hash(int lowerHash, Content content) {
        return OpenSet.spread((long) lowerHash << 32 ^ content.hash);
    }

    private static boolean matches(Posting posting, Key key) {
        return posting.is(key.name(), key.content());
    }
}
