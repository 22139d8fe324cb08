package napster.indexer;

import napster.common.protocol.Fields;

/**
 * A registered peer: the id shown to users, the random key that proves ownership, the
 * broker user that registered it (null when the broker does not stamp one) and where its
 * file server listens.
 */
public record Peer(int peerId, String peerKey, String user, String host, int port) {
    public Peer {
        Fields.positive("peerId", peerId);
        Fields.peerKey("peerKey", peerKey);
        Fields.host("host", host);
        Fields.port("port", port);
    }
}
