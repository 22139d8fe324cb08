package napster.common.protocol;

import java.util.List;

/** The reply to {@link ListPeers}. */
public record PeerList(List<PeerInfo> peers) implements Message {
    public PeerList {
        peers = Fields.list("peers", peers, Integer.MAX_VALUE);
    }
}
