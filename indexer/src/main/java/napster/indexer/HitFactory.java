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
 */
final class HitFactory {
    private final IntFunction<Peer> peers;

    HitFactory(IntFunction<Peer> peers) {
        this.peers = peers;
    }

    FileHit toHit(RankedContent ranked, NameMatch match) {
        List<Holder> holders = new ArrayList<>(ranked.peers());
        List<Posting> postings = ranked.content().postings();
        int i = 0;
        while (i < postings.size()) {
            // postings are sorted by peer id: pick the best-matching one of each peer's run
            Posting best = postings.get(i);
            int bestRank = match.rank(best);
            int j = i + 1;
            for (; j < postings.size() && postings.get(j).peerId() == best.peerId(); j++) {
                int rank = match.rank(postings.get(j));
                if (rank < bestRank) {
                    best = postings.get(j);
                    bestRank = rank;
                }
            }
            Peer peer = peers.apply(best.peerId());
            holders.add(new Holder(peer.peerId(), peer.host(), peer.port(), best.sharedAt(), best.name(), peer.slots(),
                    peer.freeSlots(), peer.maxUploadRate()));
            i = j;
        }
        Posting display = ranked.display();
        return new FileHit(display.name(), display.size(), display.sha256(), holders);
    }
}
