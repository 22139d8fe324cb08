package napster.peer.transfer;

/** Hears how a download advances: verified bytes so far (resumed ones included) and holders sending now. */
@FunctionalInterface
public interface DownloadProgress {
    DownloadProgress NONE = (bytes, holders) -> { };

    /** Called from the fetching threads; must be quick and thread-safe. */
    void update(long verifiedBytes, int holdersInUse);
}
