package napster.indexer.index;

import napster.common.protocol.Fields;

/**
 * A registered peer: the id shown to users, the random key that proves ownership, the
 * broker user that registered it (null when the broker does not stamp one), where its
 * file server listens, and the upload capacity it last reported (parts it did not report
 * are null): slots and rate cap from its register, free slots from its last word on them.
 */
public record Peer(int peerId, String peerKey, String user, String host, int port, Integer slots, Integer freeSlots,
                   Long maxUploadRate) {
    public Peer {
        Fields.positive("peerId", peerId);
        Fields.peerKey("peerKey", peerKey);
        Fields.host("host", host);
        Fields.port("port", port);
        Fields.uploadCapacity(slots, freeSlots, maxUploadRate);
    }

    public Peer(int peerId, String peerKey, String user, String host, int port) {
        this(peerId, peerKey, user, host, port, null, null, null);
    }

    public Peer withFreeSlots(int freeSlots) {
        return new Peer(peerId, peerKey, user, host, port, slots, freeSlots, maxUploadRate);
    }
}
