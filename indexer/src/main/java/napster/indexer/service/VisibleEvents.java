package napster.indexer.service;

import java.util.function.Consumer;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.PeerChanged;

/**
 * Index events passed on only once searches can see the change they tell of, in order: a
 * watcher that searches for a file it heard was shared finds it.
 */
public final class VisibleEvents implements IndexListener {
    private final IndexListener events;
    private final Consumer<Runnable> afterChangesVisible;

    public VisibleEvents(IndexListener events, Consumer<Runnable> afterChangesVisible) {
        this.events = events;
        this.afterChangesVisible = afterChangesVisible;
    }

    @Override
    public void peerChanged(PeerChanged event) {
        afterChangesVisible.accept(() -> events.peerChanged(event));
    }

    @Override
    public void filesChanged(FilesChanged event) {
        afterChangesVisible.accept(() -> events.filesChanged(event));
    }
}
