package napster.indexer;

import napster.indexer.service.IndexListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;

/** Keeps every index event in order. */
public final class RecordingListener implements IndexListener {
    public final List<Message> events = new CopyOnWriteArrayList<>();

    @Override
    public void peerChanged(PeerChanged event) {
        events.add(event);
    }

    @Override
    public void filesChanged(FilesChanged event) {
        events.add(event);
    }

    /** The events so far, forgetting them. */
    public List<Message> take() {
        List<Message> taken = List.copyOf(events);
        events.removeAll(taken);
        return taken;
    }
}
