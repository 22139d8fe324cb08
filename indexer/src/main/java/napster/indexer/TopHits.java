package napster.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the best {@code limit} contents offered, so a query matching half the index costs
 * memory for the limit only (and for the contents it ever took). A content offered twice
 * (reached through two names) counts once: its rank does not depend on the route, so a
 * second offer of an evicted content would be refused again, and is refused at once.
 */
final class TopHits {
    private final int limit;
    private final PriorityQueue<RankedContent> worstFirst;
    // every content ever taken, evicted ones too: never removing from it keeps offers cheap
    private final OpenSet<Content> taken;

    TopHits(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        // sized for the limit, or for the few hits most searches find when that is large
        int expected = Math.min(limit, 128);
        worstFirst = new PriorityQueue<>(expected + 1, RankedContent.BEST_FIRST.reversed());
        taken = new OpenSet<>(expected);
    }

    /** Whether the content is held, or was and got evicted: either way, an offer of it is refused. */
    boolean took(Content content) {
        return taken.find(content.hash, candidate -> candidate == content) != null;
    }

    /**
     * False when a content of this rank and holder count, named with this prefix (see
     * {@link NameBytes#prefix}; 0 when not known), would surely be refused: a cheap check
     * before ranking it.
     */
    boolean mightTake(int rank, int peers, long namePrefix) {
        if (worstFirst.size() < limit) {
            return true;
        }
        RankedContent worst = worstFirst.peek();
        if (rank != worst.rank()) {
            return rank < worst.rank();
        }
        if (peers != worst.peers()) {
            return peers > worst.peers();
        }
        return Long.compareUnsigned(namePrefix, worst.namePrefix()) <= 0;
    }

    void offer(RankedContent candidate) {
        if (candidate == null || took(candidate.content())) {
            return;
        }
        if (worstFirst.size() == limit) {
            if (RankedContent.BEST_FIRST.compare(candidate, worstFirst.peek()) >= 0) {
                return;
            }
            worstFirst.poll();
        }
        worstFirst.add(candidate);
        taken.add(candidate.content(), candidate.content().hash);
    }

    List<RankedContent> bestFirst() {
        List<RankedContent> sorted = new ArrayList<>(worstFirst);
        sorted.sort(RankedContent.BEST_FIRST);
        return sorted;
    }
}
