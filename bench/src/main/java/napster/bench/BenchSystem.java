package napster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import napster.broker.BrokerLauncher;
import napster.broker.BrokerSettings;
import napster.common.jms.ClientSettings;
import napster.indexer.Indexer;
import napster.indexer.IndexerSettings;

/**
 * The system under measurement: the real broker (in this process, from broker-config's
 * activemq.xml on free loopback ports, or an external one) and the real indexer connected to
 * it. Closing it stops what it started and deletes the in-process broker's data.
 */
final class BenchSystem implements AutoCloseable {
    private final BrokerLauncher broker;
    private final Path dataDir;
    private final String url;
    private final BrokerOptions options;
    private final Indexer indexer;

    private BenchSystem(BrokerLauncher broker, Path dataDir, String url, BrokerOptions options, Indexer indexer) {
        this.broker = broker;
        this.dataDir = dataDir;
        this.url = url;
        this.options = options;
        this.indexer = indexer;
    }

    static BenchSystem start(BrokerOptions options) throws Exception {
        BrokerLauncher broker = null;
        Path dataDir = null;
        try {
            String url = options.brokerUrl;
            dataDir = Files.createTempDirectory("napster-bench-broker");
            if (url == null) {
                broker = BrokerLauncher.start(new BrokerSettings(configDir(), "127.0.0.1", 0, 0, dataDir));
                url = broker.localOpenWireUrl();
            }
            // the benchmark's clients search as fast as they can: no per-connection limit; the index
            // in a folder, mapped from disk, as ./napster up keeps it
            Indexer indexer = Indexer.start(new ClientSettings(url, "indexer", options.indexerPassword),
                    IndexerSettings.defaults().withSearchRate(0).withIndexFolder(dataDir.resolve("indexer")));
            return new BenchSystem(broker, dataDir, url, options, indexer);
        } catch (Exception e) {
            if (broker != null) {
                broker.close();
            }
            deleteTree(dataDir);
            throw e;
        }
    }

    /** broker-config below napster.home (set by ./napster), or found from the working directory. */
    static Path configDir() {
        String home = System.getProperty("napster.home");
        if (home != null) {
            return Path.of(home, "broker-config");
        }
        for (Path candidate : new Path[] {Path.of("broker-config"), Path.of("..", "broker-config")}) {
            if (Files.isRegularFile(candidate.resolve("activemq.xml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Cannot find broker-config/activemq.xml; run the benchmark through ./napster bench.");
    }

    String url() {
        return url;
    }

    /** "in-process ActiveMQ" or the external broker's URL, for reports. */
    String description() {
        return broker != null ? "in-process ActiveMQ (broker-config/activemq.xml) at " + url : url;
    }

    ClientSettings peer() {
        return new ClientSettings(url, "peer", options.peerPassword);
    }

    ClientSettings admin() {
        return new ClientSettings(url, "admin", options.adminPassword);
    }

    /** The in-process broker's STOMP port on loopback; null when the broker is an external one. */
    java.net.InetSocketAddress stompAddress() {
        return broker == null ? null : new java.net.InetSocketAddress("127.0.0.1", broker.stompUri().getPort());
    }

    Indexer indexer() {
        return indexer;
    }

    @Override
    public void close() throws Exception {
        try {
            indexer.close();
        } finally {
            if (broker != null) {
                broker.close();
            }
            deleteTree(dataDir);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
