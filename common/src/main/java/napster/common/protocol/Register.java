package napster.common.protocol;

import java.util.List;

/**
 * A peer announces itself and the first batch of its share; it replaces anything the
 * indexer held for this peer key. Later batches follow as {@link Update}s.
 */
public record Register(String peerKey, String host, int port, List<SharedFile> files) implements Message {
    public Register {
        Fields.peerKey("peerKey", peerKey);
        Fields.host("host", host);
        Fields.port("port", port);
        files = Fields.list("files", files, Fields.MAX_FILES_PER_MESSAGE);
    }
}
