package napster.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import napster.common.jms.ClientSettings;
import napster.common.protocol.Search;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.index.UnknownPeerException;

/**
 * The ordinary users an attack must not hurt: a peer that shares one file and heartbeats
 * every {@link #BEAT}, and a searcher looking for that file with the CLI's 10 s timeout. Each
 * probe reports whether it was answered in time and whether the answer still lists the file.
 */
final class Victim implements AutoCloseable {
    /** How often the victim peer beats; the indexer drops it after 3 missed beats. */
    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClientSettings login;
    private final IndexClient peer;
    private final IndexClient searcher;
    private final String peerKey = "victim-" + UUID.randomUUID().toString().replace("-", "");
    private final SharedFile file;

    private Victim(ClientSettings login, IndexClient peer, IndexClient searcher, SharedFile file) {
        this.login = login;
        this.peer = peer;
        this.searcher = searcher;
        this.file = file;
    }

    /** Connects both victims and registers the peer's file. */
    static Victim start(ClientSettings login) throws Exception {
        String name = "victim-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        SharedFile file = new SharedFile(name, 21, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8))));
        IndexClient peer = IndexClient.connect(login, "victim-peer", TIMEOUT);
        IndexClient searcher = null;
        try {
            searcher = IndexClient.connect(login, "victim-search", TIMEOUT);
            Victim victim = new Victim(login, peer, searcher, file);
            victim.register();
            return victim;
        } catch (Exception e) {
            peer.close();
            if (searcher != null) {
                searcher.close();
            }
            throw e;
        }
    }

    private void register() throws Exception {
        peer.register(peerKey, "127.0.0.1", 25_000, List.of(file));
    }

    /** A search for the victim's file over the searcher's long-lived connection. */
    boolean search() throws Exception {
        return found(searcher);
    }

    /** A search over a fresh connection, as a one-shot command does: connect, log in, search, leave. */
    boolean connectAndSearch() throws Exception {
        try (IndexClient fresh = IndexClient.connect(login, "victim-connect", TIMEOUT)) {
            return found(fresh);
        }
    }

    private boolean found(IndexClient client) throws Exception {
        return client.search(Search.byName(file.name())).results().stream()
                .anyMatch(hit -> hit.sha256().equals(file.sha256()));
    }

    /** A heartbeat; a peer the indexer forgot (lease lost) registers again and the beat counts as failed. */
    boolean beat() throws Exception {
        try {
            peer.heartbeat(peerKey, (int) BEAT.toSeconds(), TIMEOUT);
            return true;
        } catch (UnknownPeerException e) {
            register();
            throw new IllegalStateException("the indexer had forgotten the victim peer (its lease ran out)", e);
        }
    }

    String fileName() {
        return file.name();
    }

    @Override
    public void close() {
        try {
            peer.unregister(peerKey, Duration.ofSeconds(2));
        } catch (Exception ignored) {
            // the lease ends it anyway
        }
        peer.close();
        searcher.close();
    }
}
