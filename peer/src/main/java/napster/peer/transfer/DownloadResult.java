package napster.peer.transfer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import napster.common.protocol.Holder;

/**
 * A finished download: where the verified file lies, how many bytes crossed the network in
 * this run (0 when an identical file was already there; less than the size after a resume),
 * how much an earlier, interrupted run had already left, which holders delivered chunks, and
 * which were dropped on the way, with why.
 */
public record DownloadResult(Path path, String sha256, long size, long bytesTransferred, long resumedBytes,
                             List<Holder> peers, Duration elapsed, List<DroppedHolder> dropped) {
    public DownloadResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        peers = List.copyOf(peers);
        Objects.requireNonNull(elapsed, "elapsed");
        dropped = List.copyOf(dropped);
    }
}
