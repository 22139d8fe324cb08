package napster.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import napster.peer.session.ShareSettings;
import napster.peer.session.SharingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code share DIR...}: hash the folders, serve them on a TCP port, register at the indexer, serve until stopped. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Share the files in one or more folders (recursively) until stopped with Ctrl-C.")
final class ShareCommand implements Callable<Integer> {
    static final int DEFAULT_SLOTS = 8;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders to share.")
    List<Path> folders;

    @Option(names = "--port", defaultValue = "0",
            description = "TCP port to serve files on (default: 0, any free port).")
    int port;

    @Option(names = "--advertise-host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Host or address other peers use to reach this one (default: ${DEFAULT-VALUE}).")
    String advertiseHost;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "" + DEFAULT_SLOTS,
            description = "Concurrent uploads; more get a busy answer (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--max-upload-rate", paramLabel = "RATE", defaultValue = "0", converter = RateConverter.class,
            description = "Send at most RATE bytes per second to all downloaders together (K, M, G suffixes,"
                    + " binary, e.g. 16M; default: no cap).")
    long maxUploadRate;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "10",
            description = "Tell the indexer this peer is alive every SECONDS (default: ${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    @Option(names = "--no-watch", negatable = false,
            description = "Share the folders as they are now: do not follow later changes on disk.")
    boolean noWatch;

    @Option(names = "--rescan", paramLabel = "SECONDS", defaultValue = "30",
            description = "While watching, also rescan everything every SECONDS as a safety net; 0 turns that off"
                    + " (default: ${DEFAULT-VALUE}).")
    int rescanSeconds;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true,
            description = "Where file hashes are cached between runs.")
    Path cacheDir;

    @Override
    public Integer call() throws Exception {
        shareUntilStopped(spec.commandLine().getOut(), settings(), client);
        return 0;
    }

    /** {@code get --share}: the downloads folder with the defaults of {@code share}. */
    static void shareUntilStopped(PrintWriter out, List<Path> folders, ClientOptions client) throws Exception {
        shareUntilStopped(out, new ShareSettings(folders, 0, "127.0.0.1", DEFAULT_SLOTS, IDLE_TIMEOUT,
                defaultCacheDir()), client);
    }

    private static void shareUntilStopped(PrintWriter out, ShareSettings settings, ClientOptions client)
            throws Exception {
        for (Path folder : settings.roots()) {
            if (!Files.isDirectory(folder)) {
                throw new CommandFailure("Cannot share " + folder + ": " + (Files.exists(folder)
                        ? "it is not a directory." : "no such directory."));
            }
        }
        out.println("Hashing the files in " + settings.roots().stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + " ...");
        out.flush();
        SharingSession session = SharingSession.start(settings, client.settings(), client.timeout(), line -> {
            out.println(DisplayText.of(line)); // file names from disk may hold characters that spoof a line
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            stopped.countDown();
        }, "share-shutdown"));
        printBanner(out, session);
        stopped.await();
    }

    ShareSettings settings() {
        if (rescanSeconds < 0) {
            throw new IllegalArgumentException("--rescan must be 0 (no periodic rescan) or more seconds.");
        }
        return new ShareSettings(folders, port, advertiseHost, slots, IDLE_TIMEOUT,
                cacheDir != null ? cacheDir : defaultCacheDir(), Duration.ofSeconds(heartbeatSeconds), !noWatch,
                Duration.ofSeconds(rescanSeconds), maxUploadRate);
    }

    static void printBanner(PrintWriter out, SharingSession session) {
        out.printf("Sharing %d files (%s) on %s:%d %s.%n", session.catalogue().size(),
                Sizes.format(session.catalogue().totalBytes()), session.advertisedHost(), session.port(),
                session.registeredAtStart() ? "as peer " + session.peerId() : "(not registered yet)");
        if (session.watching()) {
            out.println("Following changes in the shared folders.");
        }
        out.printf("[*] Started listening on %s : %d. Press Ctrl-C to stop sharing.%n", session.advertisedHost(),
                session.port());
        out.flush();
    }

    static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("napster");
    }
}
