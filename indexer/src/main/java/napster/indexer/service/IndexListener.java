package napster.indexer.service;

import napster.common.protocol.FilesChanged;
import napster.common.protocol.PeerChanged;

/**
 * Hears about index changes as they happen, in order, while the {@link IndexService} holds
 * its change lock: implementations must return quickly (hand the event to another thread).
 *
 * <p>Event semantics: a key's first registration gives {@code peerChanged joined} (files:
 * its count after that first batch), then {@code filesChanged}. Every register batch and
 * every update gives {@code filesChanged} with what it actually changed (a register: the
 * batch as added, the files the re-register dropped as removed), split so that no list
 * exceeds {@link napster.common.protocol.Fields#MAX_FILES_PER_MESSAGE}; a change that adds
 * and removes nothing gives no event. A peer that unregisters or expires gives
 * {@code peerChanged left} (files: the count it had) and <em>no</em> filesChanged: "left"
 * means all its files are gone, so a peer sharing 100k files costs one event, not twenty.
 */
public interface IndexListener {
    IndexListener NONE = new IndexListener() {
    };

    default void peerChanged(PeerChanged event) {
    }

    default void filesChanged(FilesChanged event) {
    }
}
