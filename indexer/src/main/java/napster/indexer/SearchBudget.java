package napster.indexer;

/**
 * How much one search may read: at most {@code max} candidates (words of the vocabulary and
 * names the word index points to, each read once). A search that would read more stops there
 * and answers with what it found, marked partial. So no query, however short or common, costs
 * more than a bounded number of reads. Not thread-safe: one per search.
 */
final class SearchBudget {
    /** About 10 ms of reading on the machine BENCHMARKS.md describes. */
    static final int DEFAULT_MAX_CANDIDATES = 100_000;

    private final int max;
    private int spent;
    private boolean exhausted;

    SearchBudget(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a search must be allowed at least one candidate");
        }
        this.max = max;
    }

    /** Takes one more candidate; false, and the search is partial, when the budget is spent. */
    boolean take() {
        if (spent == max) {
            exhausted = true;
            return false;
        }
        spent++;
        return true;
    }

    /** Whether a candidate was refused: the search left some unread. */
    boolean exhausted() {
        return exhausted;
    }
}
