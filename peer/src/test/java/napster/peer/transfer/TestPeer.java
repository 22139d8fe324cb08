package napster.peer.transfer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.peer.share.FileHasher;
import napster.peer.share.ShareCatalogue;

/** A peer for tests: a scanned share folder served by a real FileServer on an ephemeral loopback port. */
final class TestPeer implements AutoCloseable {
    final Path folder;
    final ShareCatalogue catalogue;
    final FileServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    private TestPeer(Path folder, ShareCatalogue catalogue, ServerSettings settings) throws IOException {
        this.folder = folder;
        this.catalogue = catalogue;
        this.server = FileServer.start(settings, catalogue::find, log::add);
    }

    static TestPeer serving(Path folder) throws IOException {
        return serving(folder, 4, Duration.ofSeconds(10));
    }

    static TestPeer serving(Path folder, int slots, Duration idleTimeout) throws IOException {
        return serving(folder, new ServerSettings("127.0.0.1", 0, slots, idleTimeout));
    }

    /** Uploads capped at {@code maxUploadRate} bytes per second in all (0: no cap). */
    static TestPeer serving(Path folder, int slots, Duration idleTimeout, long maxUploadRate) throws IOException {
        return serving(folder, new ServerSettings("127.0.0.1", 0, slots, idleTimeout, maxUploadRate));
    }

    static TestPeer serving(Path folder, ServerSettings settings) throws IOException {
        ShareCatalogue catalogue = ShareCatalogue.scan(List.of(folder), folder.resolveSibling(folder.getFileName() + "-cache"));
        return new TestPeer(folder, catalogue, settings);
    }

    int port() {
        return server.port();
    }

    Holder holder(int peerId, String name) {
        return holderAt(peerId, port(), name);
    }

    static Holder holderAt(int peerId, int port, String name) {
        return new Holder(peerId, "127.0.0.1", port, Instant.parse("2026-11-01T00:00:00Z"), name);
    }

    static FileHit hitFor(Path file, Holder... holders) throws IOException {
        return new FileHit(file.getFileName().toString(), Files.size(file), FileHasher.sha256(file), List.of(holders));
    }

    /** A port nobody listens on (it was just bound and released), for connection-refused cases. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
