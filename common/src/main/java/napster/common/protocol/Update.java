package napster.common.protocol;

import java.util.List;

/** A change to a registered peer's share: further batches of a large share, or later deltas. */
public record Update(String peerKey, List<SharedFile> added, List<SharedFile> removed) implements Message {
    public Update {
        Fields.peerKey("peerKey", peerKey);
        added = Fields.list("added", added, Fields.MAX_FILES_PER_MESSAGE);
        removed = Fields.list("removed", removed, Fields.MAX_FILES_PER_MESSAGE);
    }
}
