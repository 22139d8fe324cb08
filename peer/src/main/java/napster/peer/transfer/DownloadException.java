package napster.peer.transfer;

/** A download that failed; the message is one sentence fit to show the user. */
public final class DownloadException extends Exception {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
