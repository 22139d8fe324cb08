package napster.common.protocol;

import java.util.List;

/**
 * A peer announces itself and the first batch of its share; it replaces anything the
 * indexer held for this peer key. Later batches follow as {@link Update}s. The optional
 * upload capacity (see {@link Fields#uploadCapacity}) lets searchers prefer peers with free
 * slots; {@code maxUploadRate} is in bytes per second, null or 0 meaning no cap.
 */
public record Register(String peerKey, String host, int port, List<SharedFile> files, Integer slots,
                       Integer freeSlots, Long maxUploadRate) implements Message {
    public Register {
        Fields.peerKey("peerKey", peerKey);
        Fields.host("host", host);
        Fields.port("port", port);
        files = Fields.list("files", files, Fields.MAX_FILES_PER_MESSAGE);
        Fields.uploadCapacity(slots, freeSlots, maxUploadRate);
    }

    /** Without upload capacity, as peers that do not report it register. */
    public Register(String peerKey, String host, int port, List<SharedFile> files) {
        this(peerKey, host, port, files, null, null, null);
    }
}
