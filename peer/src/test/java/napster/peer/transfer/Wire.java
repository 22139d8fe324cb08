package napster.peer.transfer;

/** Request and reply lines of the transfer protocol as tests type them (without the newline). */
final class Wire {
    static final String PING = "{\"op\":\"ping\"}";
    static final String PONG = "{\"status\":\"ok\"}";
    static final String CHANGED =
            "{\"status\":\"not-found\",\"message\":\"That content changed on disk since it was shared.\"}";

    private Wire() {
    }

    static String get(String sha256, long offset, long length) {
        return "{\"op\":\"get\",\"sha256\":\"" + sha256 + "\",\"offset\":" + offset + ",\"length\":" + length + "}";
    }

    static String info(String sha256) {
        return "{\"op\":\"info\",\"sha256\":\"" + sha256 + "\"}";
    }

    static String ok(long length) {
        return "{\"status\":\"ok\",\"length\":" + length + "}";
    }
}
