package napster.peer.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.protocol.Ack;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;
import napster.peer.share.ShareCatalogue;
import napster.peer.transfer.FileServer;
import napster.peer.transfer.ServerSettings;

/**
 * A running share: the catalogue of hashed files, the file server on its port and the
 * registration at the indexer. Closing it unregisters at once and stops serving.
 */
public final class SharingSession implements AutoCloseable {
    private final ShareCatalogue catalogue;
    private final FileServer server;
    private final IndexClient index;
    private final String peerKey;
    private final String advertisedHost;
    private final int peerId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SharingSession(ShareCatalogue catalogue, FileServer server, IndexClient index, String peerKey,
                           String advertisedHost, int peerId) {
        this.catalogue = catalogue;
        this.server = server;
        this.index = index;
        this.peerKey = peerKey;
        this.advertisedHost = advertisedHost;
        this.peerId = peerId;
    }

    /** Hashes the folders, starts serving, then registers; anything that fails undoes what already started. */
    public static SharingSession start(ShareSettings settings, ClientSettings client, Duration indexTimeout,
                                       Consumer<String> log)
            throws IOException, BrokerUnavailableException, IndexException {
        ShareCatalogue catalogue = ShareCatalogue.scan(settings.roots(), settings.cacheDir());
        catalogue.skipped().forEach(reason -> log.accept("Not shared: " + reason));
        FileServer server = FileServer.start(new ServerSettings(bindHost(settings.advertiseHost()), settings.port(),
                settings.slots(), settings.idleTimeout()), catalogue::find, log);
        IndexClient index = null;
        try {
            index = IndexClient.connect(client, "peer-" + server.port(), indexTimeout);
            String peerKey = newPeerKey();
            Ack ack = index.register(peerKey, settings.advertiseHost(), server.port(), catalogue.files());
            return new SharingSession(catalogue, server, index, peerKey, settings.advertiseHost(), ack.peerId());
        } catch (BrokerUnavailableException | IndexException | RuntimeException e) {
            if (index != null) {
                index.close();
            }
            server.close();
            throw e;
        }
    }

    public int peerId() {
        return peerId;
    }

    public int port() {
        return server.port();
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    public ShareCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            index.unregister(peerKey);
        } catch (IndexException ignored) {
            // the indexer will drop us anyway once it notices; stopping must not fail
        } finally {
            index.close();
            server.close();
        }
    }

    /**
     * Serve on the loopback address when advertising one (nothing off this machine could use
     * the advertised address anyway); otherwise on every interface.
     */
    static String bindHost(String advertiseHost) {
        try {
            return InetAddress.getByName(advertiseHost).isLoopbackAddress() ? advertiseHost : "0.0.0.0";
        } catch (UnknownHostException e) {
            return "0.0.0.0";
        }
    }

    private static String newPeerKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
