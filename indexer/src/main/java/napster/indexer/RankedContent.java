package napster.indexer;

import java.util.Comparator;

/**
 * A content that matched a search, with what orders it among the results: its best match
 * rank, how many peers hold it, and the posting that names it (the lowest peer id among
 * the postings with the best rank).
 */
record RankedContent(int rank, int peers, Posting display, Content content) {
    /** Best match first, then more holders, then name, then SHA-256 (a total order). */
    static final Comparator<RankedContent> BEST_FIRST = Comparator.comparingInt(RankedContent::rank)
            .thenComparing(Comparator.comparingInt(RankedContent::peers).reversed())
            .thenComparing(ranked -> ranked.display().name())
            .thenComparing(ranked -> ranked.display().sha256());

    /** Null when no name of the content matches. */
    static RankedContent of(Content content, NameMatch match) {
        Posting best = null;
        int bestRank = NameMatch.NONE;
        for (Posting posting : content.postings()) {
            int rank = match.rank(posting);
            if (rank < bestRank) {
                best = posting;
                bestRank = rank;
                if (rank == NameMatch.EXACT) {
                    break;
                }
            }
        }
        return best == null ? null : new RankedContent(bestRank, content.peerCount(), best, content);
    }
}
