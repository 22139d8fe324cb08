package napster.indexer;

import java.util.Comparator;

/**
 * A content that matched a search, with what orders it among the results: its best match
 * rank, how many peers hold it, and the posting that names it (the lowest peer id among
 * the postings with the best rank), whose first chars are kept in {@code namePrefix} so
 * that most comparisons of names need not read them.
 */
record RankedContent(int rank, int peers, Posting display, Content content, long namePrefix) {
    RankedContent(int rank, int peers, Posting display, Content content) {
        this(rank, peers, display, content, NameBytes.prefix(display.name));
    }

    /** Best match first, then more holders, then name, then SHA-256 (a total order). */
    static final Comparator<RankedContent> BEST_FIRST = RankedContent::compareBestFirst;

    private static int compareBestFirst(RankedContent a, RankedContent b) {
        if (a.rank != b.rank) {
            return Integer.compare(a.rank, b.rank);
        }
        if (a.peers != b.peers) {
            return Integer.compare(b.peers, a.peers);
        }
        int order = Long.compareUnsigned(a.namePrefix, b.namePrefix);
        if (order == 0) {
            order = NameBytes.compare(a.display.name, b.display.name);
        }
        return order != 0 ? order : a.content.compareSha256(b.content);
    }

    /** Null when no name of the content matches. */
    static RankedContent of(Content content, NameMatch match) {
        return of(content, match, null);
    }

    /**
     * As {@link #of(Content, NameMatch)}, for a content found under {@code substring}: a
     * name that contains the query but is not the query in any case, so its postings rank
     * as substring matches without reading their names again.
     */
    static RankedContent of(Content content, NameMatch match, NameEntry substring) {
        Posting best = null;
        int bestRank = NameMatch.NONE;
        for (int i = 0; i < content.postingCount(); i++) {
            Posting posting = content.posting(i);
            int rank = posting.entry == substring ? NameMatch.SUBSTRING : match.rank(posting);
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
