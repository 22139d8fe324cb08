package napster.peer.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import napster.common.protocol.ListPeers;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolCodec;
import napster.peer.index.IndexClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code peers}: which peers the index holds, what they share and when they were last heard from. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = "List the registered peers: id, address, files and bytes shared, last heard from.")
final class PeersCommand implements Callable<Integer> {
    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most N peers, lowest ids first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        ListPeers request = request();
        PeerList list;
        try (IndexClient index = IndexClient.connect(client.settings(), "peers", client.timeout())) {
            list = index.listPeers(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ProtocolCodec.newMapper().writeValueAsString(list));
        } else {
            print(out, list, ZoneId.systemDefault());
        }
        out.flush();
        return 0;
    }

    ListPeers request() {
        if (limit < 1 || limit > ListPeers.MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + ListPeers.MAX_LIMIT + ".");
        }
        return new ListPeers(limit);
    }

    /** A header line, then one row per peer; an empty index prints "No peers are registered.". */
    static void print(PrintWriter out, PeerList list, ZoneId zone) {
        if (list.peers().isEmpty()) {
            out.println("No peers are registered.");
            return;
        }
        out.printf("%d %s:%n", list.peers().size(), list.peers().size() == 1 ? "peer" : "peers");
        out.printf("    %-8s %-22s %-6s %8s %10s  %s%n", "Peer ID", "Host", "Port", "Files", "Shared", "Last seen");
        for (PeerInfo peer : list.peers()) {
            out.printf("    %-8d %-22s %-6d %8d %10s  %s%n", peer.peerId(), DisplayText.of(peer.host()), peer.port(), peer.files(),
                    Sizes.format(peer.bytes()), LAST_SEEN.format(peer.lastSeen().atZone(zone)));
        }
    }
}
