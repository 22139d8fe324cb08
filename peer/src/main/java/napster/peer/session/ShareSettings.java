package napster.peer.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import napster.common.protocol.Fields;

/** What and how a peer shares: folders, its transfer port, the host others should dial, upload slots. */
public record ShareSettings(List<Path> roots, int port, String advertiseHost, int slots, Duration idleTimeout,
                            Path cacheDir) {
    public ShareSettings {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("Name at least one folder to share.");
        }
        roots = List.copyOf(roots);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535.");
        }
        try {
            Fields.host("host", advertiseHost);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--advertise-host must be a host name or address without spaces.");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("--slots must be at least 1.");
        }
    }
}
