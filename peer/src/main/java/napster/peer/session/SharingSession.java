package napster.peer.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import napster.common.jms.BrokerUnavailableException;
import napster.common.jms.ClientSettings;
import napster.common.jms.Destinations;
import napster.common.protocol.Ack;
import napster.common.protocol.Reannounce;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;
import napster.peer.index.UploadCapacity;
import napster.peer.share.ShareCatalogue;
import napster.peer.share.ShareDelta;
import napster.peer.share.ShareScanner;
import napster.peer.share.ShareWatcher;
import napster.peer.transfer.FileServer;
import napster.peer.transfer.ServerSettings;
import org.apache.activemq.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running share: the catalogue of hashed files (kept following the disk unless watching is
 * off), the file server on its port, and the peer's presence in the index (registration,
 * heartbeats, re-registration after an indexer or broker restart, deltas). The broker
 * connection fails over: while the broker is away the file server keeps serving. Closing it
 * unregisters at once and stops serving.
 */
public final class SharingSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharingSession.class);
    /** While the broker is away a send fails after this long instead of blocking. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a registration may wait in the broker for an indexer (one that is starting, or
     * restarting after a crash) and how long the peer waits for its ack before sending it again.
     * Within the broker's cap on times to live (see activemq.xml).
     */
    static final Duration REGISTRATION_TIME_TO_LIVE = Duration.ofSeconds(60);
    /** Stopping waits this long at most for the indexer to confirm the unregister. */
    static final Duration UNREGISTER_WAIT = Duration.ofSeconds(2);

    private final AtomicReference<ShareCatalogue> catalogue;
    private final FileServer server;
    private final IndexClient index;
    private final String peerKey;
    private final String advertisedHost;
    private final IndexPresence presence;
    private final ScheduledExecutorService indexThread;
    private final AutoCloseable control;
    private final ShareWatcher watcher;
    private final BrokerWatch brokerWatch;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean registeredAtStart;

    private SharingSession(AtomicReference<ShareCatalogue> catalogue, FileServer server, IndexClient index,
                           String peerKey, String advertisedHost, IndexPresence presence,
                           ScheduledExecutorService indexThread, AutoCloseable control, ShareWatcher watcher,
                           BrokerWatch brokerWatch, boolean registeredAtStart) {
        this.registeredAtStart = registeredAtStart;
        this.catalogue = catalogue;
        this.server = server;
        this.index = index;
        this.peerKey = peerKey;
        this.advertisedHost = advertisedHost;
        this.presence = presence;
        this.indexThread = indexThread;
        this.control = control;
        this.watcher = watcher;
        this.brokerWatch = brokerWatch;
    }

    /**
     * Hashes the folders, starts serving, connects (failover), subscribes to reannounces,
     * registers (waiting at most {@code indexTimeout} for the ack: without one the session serves
     * anyway and the registration follows when an indexer answers), then starts heartbeats and
     * watching; anything that fails undoes what already started. A broker that is down at start,
     * or refuses the login, fails at once.
     */
    public static SharingSession start(ShareSettings settings, ClientSettings client, Duration indexTimeout,
                                       Consumer<String> log)
            throws IOException, BrokerUnavailableException, IndexException {
        ShareScanner scanner = ShareScanner.open(settings.roots(), settings.cacheDir());
        ShareCatalogue scanned = scanner.scan();
        scanned.skipped().forEach(reason -> log.accept("Not shared: " + reason));
        AtomicReference<ShareCatalogue> catalogue = new AtomicReference<>(scanned);
        FileServer server = FileServer.start(new ServerSettings(bindHost(settings.advertiseHost()), settings.port(),
                settings.slots(), settings.idleTimeout(), settings.maxUploadRate()), sha256 -> catalogue.get().find(sha256),
                log);
        String name = "peer-" + server.port();
        BrokerWatch brokerWatch = new BrokerWatch(log);
        IndexClient index = null;
        ScheduledExecutorService indexThread = null;
        AutoCloseable control = null;
        boolean registered;
        try {
            index = IndexClient.connectResilient(client, name, indexTimeout, SEND_TIMEOUT, brokerWatch);
            String peerKey = newPeerKey();
            indexThread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name + "-index"));
            Duration beatWait = indexTimeout.compareTo(settings.heartbeat()) < 0 ? indexTimeout : settings.heartbeat();
            IndexPresence presence = new IndexPresence(
                    link(index, peerKey, settings.advertiseHost(), server, settings.maxUploadRate(), beatWait),
                    () -> catalogue.get().files(), indexThread, settings.heartbeat(), log);
            control = index.subscribe(Destinations.CONTROL, message -> {
                if (message instanceof Reannounce reannounce) {
                    presence.registerAgain("the indexer asked: " + reannounce.reason());
                }
            });
            registered = registerFirst(presence, indexTimeout);
            brokerWatch.onResume(() -> presence.registerAgain("the broker connection came back"));
            presence.start();
            ShareWatcher watcher = settings.watch()
                    ? ShareWatcher.start(scanner, catalogue, ShareWatcher.DEFAULT_DEBOUNCE, settings.rescan(),
                            presence::send, log, name)
                    : null;
            return new SharingSession(catalogue, server, index, peerKey, settings.advertiseHost(), presence,
                    indexThread, control, watcher, brokerWatch, registered);
        } catch (BrokerUnavailableException | IndexException | IOException | RuntimeException e) {
            if (indexThread != null) {
                indexThread.shutdownNow();
            }
            closeQuietly(control);
            if (index != null) {
                index.close();
            }
            server.close();
            throw e;
        }
    }

    private static boolean registerFirst(IndexPresence presence, Duration wait) throws IndexException {
        try {
            return presence.registerFirst(wait).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("Interrupted while registering at the index.", e);
        }
    }

    private static IndexPresence.Link link(IndexClient index, String peerKey, String host, FileServer server,
                                           long maxUploadRate, Duration beatWait) {
        return new IndexPresence.Link() {
            @Override
            public CompletableFuture<Ack> register(List<SharedFile> files) {
                return index.registerAsync(peerKey, host, server.port(), files,
                        new UploadCapacity(server.slots(), server.freeSlots(), maxUploadRate),
                        REGISTRATION_TIME_TO_LIVE.plusMillis(files.size() / 10));
            }

            @Override
            public String describe(Throwable failure) {
                String sentence = index.failure(failure, "register", REGISTRATION_TIME_TO_LIVE).getMessage();
                return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
            }

            @Override
            public void update(ShareDelta delta) throws IndexException {
                index.update(peerKey, delta.added(), delta.removed());
            }

            @Override
            public void heartbeat(int intervalSeconds) throws IndexException {
                index.heartbeat(peerKey, intervalSeconds, server.freeSlots(), beatWait);
            }
        };
    }

    /** Whether an indexer took the first registration while the session started (else it follows later). */
    public boolean registeredAtStart() {
        return registeredAtStart;
    }

    /** The peer id of the latest registration (a restarted indexer may number this peer anew); 0 before the first. */
    public int peerId() {
        return presence.peerId();
    }

    public int port() {
        return server.port();
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    /** The share as it stands now (replaced whenever the watcher sees the disk change). */
    public ShareCatalogue catalogue() {
        return catalogue.get();
    }

    /** Whether the share follows the disk. */
    public boolean watching() {
        return watcher != null;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        closeQuietly(control);
        indexThread.shutdownNow();
        try {
            indexThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // with the broker away an unregister could only wait for its send timeout; the lease ends it anyway
            if (brokerWatch.connected()) {
                index.unregister(peerKey, UNREGISTER_WAIT);
            }
        } catch (IndexException ignored) {
            // the indexer will drop us anyway once it notices; stopping must not fail
        } finally {
            index.close();
            server.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing failed: {}", e.getMessage());
            }
        }
    }

    /**
     * Hears the failover transport: tells the user when the broker goes away and comes back, and
     * then asks for a fresh registration. Runs on the transport thread, so it only hands work on.
     */
    static final class BrokerWatch implements TransportListener {
        private final Consumer<String> log;
        private volatile Runnable onResume = () -> { };
        private volatile boolean interrupted;

        BrokerWatch(Consumer<String> log) {
            this.log = log;
        }

        void onResume(Runnable action) {
            this.onResume = action;
        }

        /** False from the moment the transport is interrupted until it resumes. */
        boolean connected() {
            return !interrupted;
        }

        @Override
        public void onCommand(Object command) {
        }

        @Override
        public void onException(IOException error) {
            LOG.debug("Broker transport failed: {}", error.getMessage());
        }

        @Override
        public void transportInterupted() {
            interrupted = true;
            log.accept("Lost the broker; still serving files, reconnecting ...");
        }

        @Override
        public void transportResumed() {
            if (interrupted) {
                interrupted = false;
                log.accept("Reconnected to the broker; registering again.");
                onResume.run();
            }
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
