package napster.broker.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import napster.broker.BrokerLauncher;
import napster.broker.BrokerSettings;
import napster.common.jms.ClientSettings;
import napster.indexer.Indexer;
import napster.indexer.IndexerSettings;
import napster.peer.session.ShareSettings;
import napster.peer.session.SharingSession;

/**
 * The whole system in one JVM for tests: the real broker from {@code activemq.xml} on
 * ephemeral ports, the indexer, and any number of sharing peers on ephemeral ports.
 * Closing it stops everything it started, peers first.
 */
final class NapsterSystem implements AutoCloseable {
    private final BrokerLauncher broker;
    private final Indexer indexer;
    private final Path cacheDir;
    private final List<SharingSession> peers = new ArrayList<>();

    private NapsterSystem(BrokerLauncher broker, Indexer indexer, Path cacheDir) {
        this.broker = broker;
        this.indexer = indexer;
        this.cacheDir = cacheDir;
    }

    static NapsterSystem start(Path workDir) throws Exception {
        return start(workDir, IndexerSettings.defaults());
    }

    /** With the indexer set up as {@code indexer} says (e.g. without a search rate limit, for load). */
    static NapsterSystem start(Path workDir, IndexerSettings indexerSettings) throws Exception {
        Path configDir = Path.of("").toAbsolutePath();
        BrokerLauncher broker = BrokerLauncher.start(
                new BrokerSettings(configDir, "127.0.0.1", 0, 0, workDir.resolve("broker-data")));
        try {
            Indexer indexer = Indexer.start(new ClientSettings(broker.localOpenWireUrl(), "indexer", "indexer"),
                    indexerSettings);
            return new NapsterSystem(broker, indexer, workDir.resolve("hash-cache"));
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    String brokerUrl() {
        return broker.localOpenWireUrl();
    }

    ClientSettings peerLogin() {
        return new ClientSettings(brokerUrl(), "peer", "peer");
    }

    Indexer indexer() {
        return indexer;
    }

    /** Starts a peer sharing {@code folder} on an ephemeral loopback port; its log lines go to {@code log}. */
    SharingSession share(Path folder, List<String> log) throws Exception {
        return share(folder, log, UnaryOperator.identity());
    }

    /** As {@link #share(Path, List)}, with the default settings changed by {@code tweak} (e.g. an upload cap). */
    SharingSession share(Path folder, List<String> log, UnaryOperator<ShareSettings> tweak) throws Exception {
        SharingSession session = SharingSession.start(
                tweak.apply(new ShareSettings(List.of(folder), 0, "127.0.0.1", 8, java.time.Duration.ofSeconds(30),
                        cacheDir)),
                peerLogin(), java.time.Duration.ofSeconds(30), line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                });
        peers.add(session);
        return session;
    }

    /** The broker arguments every in-process CLI call needs. */
    String[] withBroker(String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 2);
        all[arguments.length] = "--broker";
        all[arguments.length + 1] = brokerUrl();
        return all;
    }

    @Override
    public void close() throws Exception {
        for (SharingSession peer : peers) {
            peer.close();
        }
        indexer.close();
        broker.close();
    }
}
