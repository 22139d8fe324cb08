package napster.common.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * The status line a peer answers with. {@code ok} (for get: {@code length} raw bytes follow),
 * {@code not-found} (content not shared here), {@code busy} (no free upload slot), {@code error}.
 */
public record TransferReply(String status, Long length, String message) {
    public static final String OK = "ok";
    public static final String NOT_FOUND = "not-found";
    public static final String BUSY = "busy";
    public static final String ERROR = "error";

    public TransferReply {
        Objects.requireNonNull(status, "status is required");
    }

    public static TransferReply ok(long length) {
        return new TransferReply(OK, length, null);
    }

    public static TransferReply pong() {
        return new TransferReply(OK, null, null);
    }

    public static TransferReply failure(String status, String message) {
        return new TransferReply(status, null, message);
    }

    @JsonIgnore
    public boolean isOk() {
        return OK.equals(status);
    }
}
