package napster.peer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import napster.common.jms.RemoteErrorException;
import napster.common.protocol.Browse;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.index.IndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code browse PEER_ID}: one peer's files, in name order, page after page, as OpenNap and Soulseek browse. */
@Command(name = "browse", mixinStandardHelpOptions = true,
        description = "List one peer's files (name, size, SHA-256) in name order.")
final class BrowseCommand implements Callable<Integer> {
    // pages in a row the indexer may refuse for the request rate before browse gives up
    private static final int MAX_RATE_REFUSALS = 100;
    private static final java.time.Duration RATE_PAUSE = java.time.Duration.ofMillis(100);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "PEER_ID", description = "The peer, as search results and `peers` show it.")
    int peerId;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "At most N files (default: all of them).")
    Integer limit;

    /** What {@code --json} prints. */
    record Listing(int peerId, List<SharedFile> files) {
    }

    @Override
    public Integer call() throws Exception {
        check();
        List<SharedFile> files;
        try (IndexClient index = IndexClient.connect(client.settings(), "browse", client.timeout())) {
            files = browse(index, peerId, limit == null ? Integer.MAX_VALUE : limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ProtocolCodec.newMapper().writeValueAsString(new Listing(peerId, files)));
        } else {
            print(out, peerId, files);
        }
        out.flush();
        return 0;
    }

    void check() {
        if (peerId < 1) {
            throw new IllegalArgumentException("PEER_ID must be a peer id (1 or more), as `peers` shows them.");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1.");
        }
    }

    /**
     * Up to {@code max} of the peer's files, asking for page after page; a page the indexer
     * refuses for the connection's request rate is asked for again a moment later.
     */
    static List<SharedFile> browse(IndexClient index, int peerId, int max)
            throws IndexException, CommandFailure, InterruptedException {
        List<SharedFile> files = new ArrayList<>();
        Browse request = new Browse(peerId, Math.min(max, Browse.MAX_LIMIT));
        int refusals = 0;
        while (true) {
            BrowseResult page;
            try {
                page = index.browse(request);
            } catch (IndexException e) {
                String code = e.getCause() instanceof RemoteErrorException refused ? refused.reply().code() : null;
                if (ErrorReply.UNKNOWN_PEER.equals(code)) {
                    throw new CommandFailure("No peer " + peerId + " is registered; `./napster peers` lists them.");
                }
                if (ErrorReply.RATE_LIMITED.equals(code) && ++refusals <= MAX_RATE_REFUSALS) {
                    Thread.sleep(RATE_PAUSE.toMillis()); // the indexer's limit refills a request every 50 ms
                    continue;
                }
                throw e;
            }
            refusals = 0;
            files.addAll(page.files());
            if (!page.hasMore() || page.files().isEmpty() || files.size() >= max) {
                return files.size() > max ? files.subList(0, max) : files;
            }
            request = new Browse(peerId, Math.min(max - files.size(), Browse.MAX_LIMIT))
                    .after(page.files().get(page.files().size() - 1));
        }
    }

    /** A header line, then one row per file. */
    static void print(PrintWriter out, int peerId, List<SharedFile> files) {
        if (files.isEmpty()) {
            out.println("Peer " + peerId + " shares no files.");
            return;
        }
        out.printf("Peer %d shares %d %s:%n", peerId, files.size(), files.size() == 1 ? "file" : "files");
        out.printf("    %10s  %-64s  %s%n", "Size", "SHA-256", "Name");
        for (SharedFile file : files) {
            out.printf("    %10s  %-64s  %s%n", Sizes.format(file.size()), file.sha256(), DisplayText.of(file.name()));
        }
    }
}
