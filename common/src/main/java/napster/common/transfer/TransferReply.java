package napster.common.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * The status line a peer answers with. {@code ok} (for get: {@code length} raw bytes follow;
 * for info: {@code size} and {@code chunkSize} of the content, then {@code length} bytes of
 * chunk hashes, 32 raw bytes of SHA-256 per chunk), {@code not-found} (content not shared
 * here), {@code busy} (no free upload slot), {@code error}.
 */
public record TransferReply(String status, Long length, String message, Long size, Integer chunkSize) {
    public static final String OK = "ok";
    public static final String NOT_FOUND = "not-found";
    public static final String BUSY = "busy";
    public static final String ERROR = "error";

    public TransferReply {
        Objects.requireNonNull(status, "status is required");
    }

    public static TransferReply ok(long length) {
        return new TransferReply(OK, length, null, null, null);
    }

    /** The answer to {@code info}: the chunk hashes follow as {@code length} raw bytes. */
    public static TransferReply info(ChunkHashes hashes) {
        return new TransferReply(OK, (long) hashes.count() * ChunkHashes.HASH_BYTES, null, hashes.size(),
                hashes.chunkSize());
    }

    public static TransferReply pong() {
        return new TransferReply(OK, null, null, null, null);
    }

    public static TransferReply failure(String status, String message) {
        return new TransferReply(status, null, message, null, null);
    }

    @JsonIgnore
    public boolean isOk() {
        return OK.equals(status);
    }
}
