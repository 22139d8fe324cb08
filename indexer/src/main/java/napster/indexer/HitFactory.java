package napster.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;

/**
 * Turns a ranked content into the wire {@link FileHit}: one holder per peer, in peer-id
 * order, each under the name of its own that best matches the search, with the upload
 * capacity its {@link Peer} holds now (one peer lookup per holder, as for its address).
 * {@link SearchResultText} walks the same holders to write them as text.
 */
final class HitFactory {
    /** One holder of a content: the peer, its best-matching posting, and that posting's name. */
    interface HolderVisitor {
        void holder(Peer peer, Posting posting, String name);
    }

    private final IntFunction<Peer> peers;

    HitFactory(IntFunction<Peer> peers) {
        this.peers = peers;
    }

    FileHit toHit(RankedContent ranked, NameMatch match) {
        List<Holder> holders = new ArrayList<>(ranked.peers());
        Posting display = ranked.display();
        String displayName = display.name();
        forEachHolder(ranked, displayName, match, (peer, posting, name) -> holders.add(new Holder(peer.peerId(),
                peer.host(), peer.port(), posting.sharedAt, name, peer.slots(), peer.freeSlots(), peer.maxUploadRate())));
        return new FileHit(displayName, display.size, ranked.content().sha256(), holders);
    }

    /**
     * Visits the holders of a ranked content in peer-id order; {@code displayName} is the
     * decoded name of its display posting (decoded once by the caller, who shows it too).
     */
    void forEachHolder(RankedContent ranked, String displayName, NameMatch match, HolderVisitor visitor) {
        Posting display = ranked.display();
        Content content = ranked.content();
        int count = content.postingCount();
        int i = 0;
        while (i < count) {
            Posting best = bestOfPeer(content, i, match);
            visitor.holder(peers.apply(best.peerId), best, best == display ? displayName : best.name());
            do {
                i++;
            } while (i < count && content.posting(i).peerId == best.peerId);
        }
    }

    /** The best-matching posting of the peer whose run starts at {@code from} (postings are sorted by peer id). */
    private static Posting bestOfPeer(Content content, int from, NameMatch match) {
        Posting best = content.posting(from);
        int count = content.postingCount();
        if (from + 1 == count || content.posting(from + 1).peerId != best.peerId) {
            return best;
        }
        int bestRank = match.rank(best);
        for (int j = from + 1; j < count && content.posting(j).peerId == best.peerId; j++) {
            int rank = match.rank(content.posting(j));
            if (rank < bestRank) {
                best = content.posting(j);
                bestRank = rank;
            }
        }
        return best;
    }
}
