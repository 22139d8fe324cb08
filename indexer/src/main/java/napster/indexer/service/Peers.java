package napster.indexer.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import napster.indexer.index.Peer;

/**
 * The registered peers, by id and by key. Reads are safe from any thread (searches describe
 * holders through it while peers come and go); changes come from the {@link IndexService},
 * one at a time.
 */
final class Peers {
    private final Map<Integer, Peer> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idByKey = new ConcurrentHashMap<>();

    Peer get(int peerId) {
        return byId.get(peerId);
    }

    Optional<Peer> byKey(String peerKey) {
        Integer id = idByKey.get(peerKey);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Adds a peer or replaces a known one (same id and key). */
    void put(Peer peer) {
        byId.put(peer.peerId(), peer);
        idByKey.put(peer.peerKey(), peer.peerId());
    }

    void remove(Peer peer) {
        idByKey.remove(peer.peerKey());
        byId.remove(peer.peerId());
    }

    int size() {
        return byId.size();
    }

    /** At most {@code limit} peers, by ascending id. */
    List<Peer> first(int limit) {
        return byId.values().stream().sorted(Comparator.comparingInt(Peer::peerId)).limit(limit).toList();
    }
}
