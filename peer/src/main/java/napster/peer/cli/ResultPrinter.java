package napster.peer.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;

/**
 * Renders search results for a terminal, in the spirit of the seed's "Peer ID / port / host /
 * shared at" listing, with each holder's free upload slots and upload cap, and its ping time
 * when pinged.
 */
final class ResultPrinter {
    private static final DateTimeFormatter SHARED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintWriter out;
    private final ZoneId zone;
    private final Map<HolderPings.Address, String> pings;

    ResultPrinter(PrintWriter out, ZoneId zone) {
        this(out, zone, null);
    }

    /** {@code pings}: each holder's ping as text ("0.4 ms", "no answer"); null for no ping column. */
    ResultPrinter(PrintWriter out, ZoneId zone, Map<HolderPings.Address, String> pings) {
        this.out = out;
        this.zone = zone;
        this.pings = pings;
    }

    void printResults(String query, List<FileHit> hits) {
        out.printf("%d %s matching \"%s\":%n", hits.size(), hits.size() == 1 ? "file" : "files", DisplayText.of(query));
        for (int i = 0; i < hits.size(); i++) {
            out.println();
            printHit(hits.size() > 1 ? (i + 1) + ") " : "", hits.get(i));
        }
        out.flush();
    }

    void printHit(String prefix, FileHit hit) {
        out.printf("%s%s  (%s, SHA-256 %s)%n", prefix, DisplayText.of(hit.name()), Sizes.format(hit.size()),
                hit.sha256());
        out.println(String.format("    %-8s %-22s %-6s %-20s %-6s %-12s%s", "Peer ID", "Host", "Port", "Shared at",
                "Slots", "Upload cap", pings == null ? "" : " Ping").stripTrailing());
        for (Holder holder : hit.peers()) {
            String line = String.format("    %-8d %-22s %-6d %-20s %-6s %-12s%s", holder.peerId(), DisplayText.of(holder.host()),
                    holder.port(), SHARED_AT.format(holder.sharedAt().atZone(zone)), slots(holder), cap(holder),
                    pings == null ? "" : " " + pings.getOrDefault(HolderPings.Address.of(holder), "-"));
            out.println(line.stripTrailing()
                    + (holder.name().equals(hit.name()) ? "" : "  (as " + DisplayText.of(holder.name()) + ")"));
        }
        out.flush();
    }

    /** "3/8": free of all upload slots, as the holder last reported them; "-" when it did not say. */
    static String slots(Holder holder) {
        if (holder.slots() == null) {
            return "-";
        }
        return (holder.freeSlots() == null ? "?" : holder.freeSlots().toString()) + "/" + holder.slots();
    }

    static String cap(Holder holder) {
        Long rate = holder.maxUploadRate();
        return rate == null || rate == 0 ? "none" : Sizes.format(rate) + "/s";
    }
}
