package napster.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SearchResult;
import napster.peer.index.IndexClient;
import napster.peer.session.FetchPlan;
import napster.peer.transfer.DownloadResult;
import napster.peer.transfer.DownloadProgress;
import napster.peer.transfer.Downloader;
import napster.peer.transfer.PartialDownload;
import napster.peer.transfer.DroppedHolder;
import napster.peer.transfer.TokenBucket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code get NAME|SHA256}: find the holders, fetch chunks from all of them at once (or the one
 * {@code --from} names), verify each chunk and the whole, move into place; resumes an earlier try.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Download a file by exact name or SHA-256 from the peers that share it (all at once, or"
                + " --from one), checking every chunk and the whole SHA-256; run it again to resume.")
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

    @Option(names = "--max-download-rate", paramLabel = "RATE", defaultValue = "0", converter = RateConverter.class,
            description = "Receive at most RATE bytes per second from all holders together (K, M, G suffixes,"
                    + " binary; default: no cap).")
    long maxDownloadRate;

    @Option(names = "--share", description = "Afterwards keep sharing the download folder (the file just fetched"
            + " included) until stopped with Ctrl-C, so popular files spread.")
    boolean share;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FetchPlan plan = plan();
        Consumer<String> log = line -> {
            synchronized (err) {
                err.println(DisplayText.of(line)); // it may name a peer's file or quote its words
                err.flush();
            }
        };
        // A bar only for a person watching: not with --json, not when output goes to a file or pipe.
        ProgressBar bar = !json && System.console() != null
                ? new ProgressBar(err, plan.file().size(), System::nanoTime) : null;
        DownloadResult result;
        // Ctrl-C (or SIGTERM) while it runs: say what was kept and how to go on
        Thread stopped = new Thread(() -> log.accept(stoppedSentence(PartialDownload.of(targetDir, plan.file()))),
                "get-stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            result = downloader().download(plan.file(), plan.holders(), targetDir, bar != null ? line -> {
                bar.finish();
                log.accept(line);
            } : log, bar != null ? bar : DownloadProgress.NONE);
        } finally {
            if (bar != null) {
                bar.finish();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it tells
            }
        }
        if (json) {
            out.println(ProtocolCodec.newMapper().writeValueAsString(Report.of(result)));
        } else {
            out.println(DisplayText.of(describe(result)));
        }
        out.flush();
        if (share) {
            ShareCommand.shareUntilStopped(out, List.of(targetDir), client);
        }
        return 0;
    }

    Downloader downloader() {
        if (maxDownloadRate < 0) {
            throw new IllegalArgumentException("--max-download-rate must not be negative.");
        }
        return new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(30),
                maxDownloadRate > 0 ? TokenBucket.perSecond(maxDownloadRate) : null);
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

    /** What an interrupted get says: what stays on disk and how to resume. */
    static String stoppedSentence(PartialDownload kept) {
        if (kept.chunksKept() == 0) {
            return "Stopped. No chunk had arrived yet; run the same get again to start over.";
        }
        return "Stopped. " + kept.chunksKept() + " of " + kept.chunks() + " chunks (" + Sizes.format(kept.bytesKept())
                + ") are kept in " + kept.partialFile() + "; run the same get again to resume.";
    }

    static String describe(DownloadResult result) {
        if (result.peers().isEmpty()) {
            return "Already there: " + result.path() + " (" + Sizes.format(result.size()) + ", SHA-256 verified).";
        }
        String from;
        if (result.peers().size() == 1) {
            Holder only = result.peers().get(0);
            from = "peer " + only.peerId() + " at " + only.host() + ":" + only.port();
        } else {
            from = "peers " + result.peers().stream().map(h -> String.valueOf(h.peerId()))
                    .collect(Collectors.joining(", "));
        }
        String resumed = result.resumedBytes() > 0
                ? "; " + Sizes.format(result.resumedBytes()) + " of it was already here from an earlier try" : "";
        return "Successfully got the file: " + result.path() + " (" + Sizes.format(result.size()) + " from " + from
                + ", SHA-256 verified" + resumed + ").";
    }

    /**
     * The {@code get --json} document (pinned fields: path, sha256, size, bytesTransferred, peers,
     * seconds) plus {@code dropped}: the holders left out on the way, with why.
     */
    record Report(String path, String sha256, long size, long bytesTransferred, List<Holder> peers, double seconds,
                  List<Dropped> dropped) {
        static Report of(DownloadResult result) {
            return new Report(result.path().toString(), result.sha256(), result.size(), result.bytesTransferred(),
                    result.peers(), result.elapsed().toNanos() / 1e9,
                    result.dropped().stream().map(Dropped::of).toList());
        }
    }

    record Dropped(int peerId, String host, int port, String reason) {
        static Dropped of(DroppedHolder dropped) {
            return new Dropped(dropped.holder().peerId(), dropped.holder().host(), dropped.holder().port(),
                    dropped.reason());
        }
    }
}
