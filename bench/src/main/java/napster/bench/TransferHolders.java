package napster.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import napster.common.protocol.Holder;
import napster.peer.share.ShareCatalogue;
import napster.peer.transfer.FileServer;
import napster.peer.transfer.ServerSettings;

/**
 * The peers the transfer benchmark downloads from: napster's real file servers in this JVM, on
 * ephemeral loopback ports, all serving one catalogue, each with the same upload cap (0: none).
 */
final class TransferHolders implements AutoCloseable {
    private static final int SLOTS = 8;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final List<FileServer> servers;

    private TransferHolders(List<FileServer> servers) {
        this.servers = servers;
    }

    /** Starts {@code count} servers; if one cannot bind, those already started are stopped again. */
    static TransferHolders start(int count, ShareCatalogue catalogue, long capBytesPerSecond) throws IOException {
        List<FileServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                servers.add(FileServer.start(new ServerSettings("127.0.0.1", 0, SLOTS, IDLE_TIMEOUT, capBytesPerSecond),
                        catalogue::find, line -> { }));
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(FileServer::close);
            throw e;
        }
        return new TransferHolders(List.copyOf(servers));
    }

    /** Every server as a holder of the file {@code name}, peer ids 1, 2, ... in start order. */
    List<Holder> holders(String name) {
        Instant now = Instant.now();
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            holders.add(new Holder(i + 1, "127.0.0.1", servers.get(i).port(), now, name));
        }
        return List.copyOf(holders);
    }

    List<Integer> ports() {
        return servers.stream().map(FileServer::port).toList();
    }

    @Override
    public void close() {
        servers.forEach(FileServer::close);
    }
}
