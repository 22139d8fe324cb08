package napster.common.transfer;

import napster.common.protocol.Fields;

/**
 * One request on a peer's transfer port. Ops: {@code get} (sha256, offset, length: those bytes
 * of the content), {@code info} (sha256: its size and chunk hashes) and {@code ping}. The peer
 * serves only content it shares, looked up by hash.
 */
public record TransferRequest(String op, String sha256, Long offset, Long length) {
    public static final String GET = "get";
    public static final String INFO = "info";
    public static final String PING = "ping";

    public TransferRequest {
        if (GET.equals(op)) {
            Fields.sha256("sha256", sha256);
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException("offset must be a number of bytes, at least 0");
            }
            if (length == null || length < 0) {
                throw new IllegalArgumentException("length must be a number of bytes, at least 0");
            }
        } else if (INFO.equals(op)) {
            Fields.sha256("sha256", sha256);
            if (offset != null || length != null) {
                throw new IllegalArgumentException("info takes no offset or length");
            }
        } else if (!PING.equals(op)) {
            throw new IllegalArgumentException("op must be \"get\", \"info\" or \"ping\"");
        }
    }

    public static TransferRequest get(String sha256, long offset, long length) {
        return new TransferRequest(GET, sha256, offset, length);
    }

    public static TransferRequest info(String sha256) {
        return new TransferRequest(INFO, sha256, null, null);
    }

    public static TransferRequest ping() {
        return new TransferRequest(PING, null, null, null);
    }
}
