package napster.common.protocol;

import java.util.List;

/** Index event: files a peer started or stopped sharing (one event per register or update batch). */
public record FilesChanged(int peerId, String host, int port, List<SharedFile> added, List<SharedFile> removed)
        implements Message {
    public FilesChanged {
        Fields.positive("peerId", peerId);
        Fields.host("host", host);
        Fields.port("port", port);
        added = Fields.list("added", added, Fields.MAX_FILES_PER_MESSAGE);
        removed = Fields.list("removed", removed, Fields.MAX_FILES_PER_MESSAGE);
    }
}
