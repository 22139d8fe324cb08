package napster.peer.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import napster.common.protocol.Fields;
import napster.common.protocol.Heartbeat;
import napster.peer.share.ShareWatcher;

/**
 * What and how a peer shares: folders, its transfer port, the host others should dial, upload
 * slots; how often it heartbeats; whether the share follows the disk (watching, and a full
 * rescan every {@code rescan}; zero means no periodic rescan).
 */
public record ShareSettings(List<Path> roots, int port, String advertiseHost, int slots, Duration idleTimeout,
                            Path cacheDir, Duration heartbeat, boolean watch, Duration rescan, long maxUploadRate) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(Heartbeat.DEFAULT_INTERVAL_SECONDS);
    public static final Duration DEFAULT_RESCAN = ShareWatcher.DEFAULT_RESCAN;

    /** Heartbeat every 10 s, watch the folders, full rescan every 30 s. */
    public ShareSettings(List<Path> roots, int port, String advertiseHost, int slots, Duration idleTimeout,
                         Path cacheDir) {
        this(roots, port, advertiseHost, slots, idleTimeout, cacheDir, DEFAULT_HEARTBEAT, true, DEFAULT_RESCAN, 0);
    }

    /** No upload cap. */
    public ShareSettings(List<Path> roots, int port, String advertiseHost, int slots, Duration idleTimeout,
                         Path cacheDir, Duration heartbeat, boolean watch, Duration rescan) {
        this(roots, port, advertiseHost, slots, idleTimeout, cacheDir, heartbeat, watch, rescan, 0);
    }

    /** The same share with an upload cap of {@code bytesPerSecond} (0: none). */
    public ShareSettings withMaxUploadRate(long bytesPerSecond) {
        return new ShareSettings(roots, port, advertiseHost, slots, idleTimeout, cacheDir, heartbeat, watch, rescan,
                bytesPerSecond);
    }

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
        if (heartbeat.toSeconds() < 1 || heartbeat.toSeconds() > Heartbeat.MAX_INTERVAL_SECONDS
                || heartbeat.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("--heartbeat must be a whole number of seconds between 1 and "
                    + Heartbeat.MAX_INTERVAL_SECONDS + ".");
        }
        if (rescan.isNegative()) {
            throw new IllegalArgumentException("--rescan must be 0 (no periodic rescan) or more seconds.");
        }
        if (maxUploadRate < 0) {
            throw new IllegalArgumentException("--max-upload-rate must not be negative.");
        }
    }
}
