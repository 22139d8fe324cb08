package napster.peer.transfer;

/** Why one holder could not deliver, in a few words ("connection refused", "wrong SHA-256"). */
final class HolderFailure extends Exception {
    HolderFailure(String reason) {
        super(reason);
    }

    HolderFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
