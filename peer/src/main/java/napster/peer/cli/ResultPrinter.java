package napster.peer.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;

/** Renders search results for a terminal, in the spirit of the seed's "Peer ID / port / host / shared at" listing. */
final class ResultPrinter {
    private static final DateTimeFormatter SHARED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintWriter out;
    private final ZoneId zone;

    ResultPrinter(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    void printResults(String query, List<FileHit> hits) {
        out.printf("%d %s matching \"%s\":%n", hits.size(), hits.size() == 1 ? "file" : "files", query);
        for (int i = 0; i < hits.size(); i++) {
            out.println();
            printHit(hits.size() > 1 ? (i + 1) + ") " : "", hits.get(i));
        }
        out.flush();
    }

    void printHit(String prefix, FileHit hit) {
        out.printf("%s%s  (%s, SHA-256 %s)%n", prefix, hit.name(), Sizes.format(hit.size()), hit.sha256());
        out.printf("    %-8s %-22s %-6s %s%n", "Peer ID", "Host", "Port", "Shared at");
        for (Holder holder : hit.peers()) {
            out.printf("    %-8d %-22s %-6d %s%s%n", holder.peerId(), holder.host(), holder.port(),
                    SHARED_AT.format(holder.sharedAt().atZone(zone)),
                    holder.name().equals(hit.name()) ? "" : "  (as " + holder.name() + ")");
        }
        out.flush();
    }
}
