package napster.indexer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Everyone sharing one content (one SHA-256). Postings stay sorted by peer id, then name,
 * so holders come out in peer order without sorting per search. Not thread-safe: the
 * {@link FileIndex} lock guards it.
 */
final class Content {
    private static final Comparator<Posting> ORDER =
            Comparator.comparingInt(Posting::peerId).thenComparing(Posting::name);

    // capacity 1: most contents are shared by one peer, and there are many contents
    private final ArrayList<Posting> postings = new ArrayList<>(1);
    private int peerCount;

    void add(Posting posting) {
        int at = Collections.binarySearch(postings, posting, ORDER);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (!hasPeerAt(at - 1, posting.peerId()) && !hasPeerAt(at, posting.peerId())) {
            peerCount++;
        }
        postings.add(at, posting);
    }

    void remove(Posting posting) {
        int at = Collections.binarySearch(postings, posting, ORDER);
        if (at < 0) {
            return;
        }
        postings.remove(at);
        if (!hasPeerAt(at - 1, posting.peerId()) && !hasPeerAt(at, posting.peerId())) {
            peerCount--;
        }
    }

    /** Sorted by peer id, then name; read-only. */
    List<Posting> postings() {
        return Collections.unmodifiableList(postings);
    }

    boolean isEmpty() {
        return postings.isEmpty();
    }

    /** Distinct peers holding this content (a peer may share it under several names). */
    int peerCount() {
        return peerCount;
    }

    private boolean hasPeerAt(int index, int peerId) {
        return index >= 0 && index < postings.size() && postings.get(index).peerId() == peerId;
    }
}
