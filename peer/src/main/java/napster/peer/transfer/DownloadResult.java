package napster.peer.transfer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import napster.common.protocol.Holder;

/**
 * A finished download: where the verified file lies, how many bytes crossed the network (0
 * when an identical file was already there) and from which holders they came.
 */
public record DownloadResult(Path path, String sha256, long size, long bytesTransferred, List<Holder> peers, Duration elapsed) {
    public DownloadResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        peers = List.copyOf(peers);
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
