package napster.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import napster.peer.session.FetchPlan;
import napster.peer.transfer.DownloadResult;
import napster.peer.transfer.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code get NAME|SHA256}: find the holders, fetch the bytes directly from one, verify, move into place. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Download a file by exact name or SHA-256 from a peer that shares it.")
final class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "NAME|SHA256", description = "The exact file name, or its SHA-256.")
    String file;

    @Option(names = "--from", paramLabel = "PEER_ID", description = "Download from this peer only.")
    Integer fromPeerId;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "downloads",
            description = "Folder to download into (default: ${DEFAULT-VALUE}).")
    Path targetDir;

    @Option(names = "--json", description = "Print one JSON document describing the download.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FetchPlan plan = plan();
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        // A bar only for a person watching: not with --json, not when output goes to a file or pipe.
        ProgressBar bar = !json && System.console() != null
                ? new ProgressBar(err, plan.file().size(), System::nanoTime) : null;
        DownloadResult result;
        try {
            result = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(30))
                    .download(plan.file(), plan.holders(), targetDir, log, bar != null ? bar : received -> { });
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        if (json) {
            out.println(ProtocolCodec.newMapper().writeValueAsString(Report.of(result)));
        } else {
            out.println(describe(result));
        }
        out.flush();
        return 0;
    }

    FetchPlan plan() throws Exception {
        SearchResult found;
        try (IndexClient index = IndexClient.connect(client.settings(), "get", client.timeout())) {
            found = index.search(FetchPlan.searchFor(file));
        }
        try {
            return FetchPlan.choose(file, fromPeerId, found.results());
        } catch (FetchPlan.NoSuchFileToFetch e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    static String describe(DownloadResult result) {
        if (result.peers().isEmpty()) {
            return "Already there: " + result.path() + " (" + Sizes.format(result.size()) + ", SHA-256 verified).";
        }
        Holder from = result.peers().get(0);
        return "Successfully got the file: " + result.path() + " (" + Sizes.format(result.size()) + " from peer "
                + from.peerId() + " at " + from.host() + ":" + from.port() + ", SHA-256 verified).";
    }

    /** The {@code get --json} document (pinned fields: path, sha256, size, bytesTransferred, peers, seconds). */
    record Report(String path, String sha256, long size, long bytesTransferred, List<Holder> peers, double seconds) {
        static Report of(DownloadResult result) {
            return new Report(result.path().toString(), result.sha256(), result.size(), result.bytesTransferred(),
                    result.peers(), result.elapsed().toNanos() / 1e9);
        }
    }
}
