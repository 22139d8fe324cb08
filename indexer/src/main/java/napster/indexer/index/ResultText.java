package napster.indexer.index;

import java.util.List;
import java.util.function.IntFunction;
import napster.common.protocol.InstantText;

/**
 * Replies written as JSON text straight from the index, the one place a hit or a browsed file
 * becomes text: exactly what {@link napster.common.protocol.ProtocolCodec} writes for the same
 * message (tests hold the two equal), without building a record per hit and holder and
 * mapping it by reflection, which profiles once put at a third of a search's time.
 *
 * <p>A reply is at most {@link #MAX_REPLY_BYTES} of UTF-8: hits, holders or files that would
 * pass it are left out, the best kept, and the reply then says {@code "partial":true} (a
 * search) or {@code "more":true} (a browse page). So one request costs the broker a bounded
 * amount however many files match and however many peers hold them.
 */
final class ResultText {
    /** The largest reply, in bytes of UTF-8 (a quarter of what the broker lets one reply queue hold). */
    static final int MAX_REPLY_BYTES = 256 * 1024;
    // room kept for what closes a reply: brackets and a flag
    private static final int CLOSING_BYTES = 32;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A content to write: the name and size it is shown with, its SHA-256 and its holders in peer order. */
    record HitText(String name, long size, String sha256, List<HolderText> holders) {
    }

    /** One holder of a content, under its own name for it. */
    record HolderText(int peerId, String name, long sharedAtNanos) {
    }

    /** One file of a browsed peer. */
    record FileText(String name, long size, String sha256) {
    }

    private final StringBuilder out;
    private final int maxBytes;
    private long bytes; // UTF-8 bytes of out[0, counted)
    private int counted;
    private boolean full;
    // a registration gives all its files one sharedAt: most holders of a reply repeat a few
    private long lastNanos = Long.MIN_VALUE;
    private String lastInstantText;

    private ResultText(int maxBytes, int expectedChars) {
        this.out = new StringBuilder(expectedChars);
        this.maxBytes = maxBytes - CLOSING_BYTES;
    }

    /**
     * A {@code searchResult} reply; holders whose peer {@code peers} no longer knows are left
     * out, and so is a hit left without any. {@code partial}: the search itself stopped early.
     */
    static EncodedSearchResult searchResult(String query, List<HitText> hits, IntFunction<Peer> peers,
                                            boolean partial, int maxBytes) {
        ResultText writer = new ResultText(maxBytes, 64 + 300 * Math.min(hits.size(), 128));
        StringBuilder out = writer.out;
        out.append("{\"type\":\"searchResult\"");
        if (query != null) {
            out.append(",\"query\":");
            string(out, query);
        }
        out.append(",\"results\":[");
        int written = 0;
        for (HitText hit : hits) {
            int before = out.length();
            if (written > 0) {
                out.append(',');
            }
            int holders = writer.hit(hit, peers);
            if (holders == 0) {
                out.setLength(before); // not one holder fits, or none is left
                if (writer.full) {
                    break;
                }
                continue;
            }
            written++;
            if (writer.full) {
                break; // its holders did not all fit: nothing more fits after it
            }
        }
        out.append(']');
        boolean left = partial || writer.full;
        if (left) {
            out.append(",\"partial\":true");
        }
        return new EncodedSearchResult(query, written, left, out.append('}').toString());
    }

    /** A {@code browseResult} page: as many of {@code files} as fit; {@code more} when the peer has further files. */
    static EncodedBrowseResult browseResult(int peerId, List<FileText> files, boolean more, int maxBytes) {
        ResultText writer = new ResultText(maxBytes, 64 + 120 * Math.min(files.size(), 256));
        StringBuilder out = writer.out;
        out.append("{\"type\":\"browseResult\",\"peerId\":").append(peerId).append(",\"files\":[");
        int written = 0;
        for (FileText file : files) {
            int start = out.length();
            if (written > 0) {
                out.append(',');
            }
            out.append("{\"name\":");
            string(out, file.name());
            out.append(",\"size\":").append(file.size()).append(",\"sha256\":\"").append(file.sha256()).append("\"}");
            if (writer.overBudget()) {
                out.setLength(start);
                writer.full = true;
                break;
            }
            written++;
        }
        out.append(']');
        if (more || writer.full) {
            out.append(",\"more\":true");
        }
        return new EncodedBrowseResult(peerId, written, more || writer.full, out.append('}').toString());
    }

    /* Writes a hit with as many of its holders as fit; the number written (0: a mess to cut off). */
    private int hit(HitText hit, IntFunction<Peer> peers) {
        out.append("{\"name\":");
        string(out, hit.name());
        out.append(",\"size\":").append(hit.size()).append(",\"sha256\":\"").append(hit.sha256())
                .append("\",\"peers\":[");
        int before = out.length();
        int holders = 0;
        for (HolderText holder : hit.holders()) {
            Peer peer = peers.apply(holder.peerId());
            if (peer == null) {
                continue; // it left since the index was last refreshed
            }
            int start = out.length();
            if (out.length() > before) {
                out.append(',');
            }
            out.append("{\"peerId\":").append(peer.peerId()).append(",\"host\":");
            string(out, peer.host());
            out.append(",\"port\":").append(peer.port()).append(",\"sharedAt\":\"")
                    .append(instantText(holder.sharedAtNanos())).append("\",\"name\":");
            string(out, holder.name());
            if (peer.slots() != null) {
                out.append(",\"slots\":").append(peer.slots().intValue());
            }
            if (peer.freeSlots() != null) {
                out.append(",\"freeSlots\":").append(peer.freeSlots().intValue());
            }
            if (peer.maxUploadRate() != null) {
                out.append(",\"maxUploadRate\":").append(peer.maxUploadRate().longValue());
            }
            out.append('}');
            if (overBudget()) {
                out.setLength(start);
                full = true;
                break;
            }
            holders++;
        }
        out.append("]}");
        return holders;
    }

    /* Counts the UTF-8 bytes written since the last look; true when past the budget. */
    private boolean overBudget() {
        if ((long) out.length() * 3 <= maxBytes) {
            return false; // no char takes more than 3 bytes: the count can wait (most replies never need it)
        }
        if (counted > out.length()) { // a cut since the last look
            counted = 0;
            bytes = 0;
        }
        for (int i = counted; i < out.length(); i++) {
            char c = out.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        counted = out.length();
        return bytes > maxBytes;
    }

    private String instantText(long nanos) {
        if (nanos != lastNanos) {
            lastNanos = nanos;
            lastInstantText = InstantText.format(FileFields.instant(nanos));
        }
        return lastInstantText;
    }

    /** A JSON string as Jackson writes one: quote, backslash and control chars escaped, the rest as is. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(text, from, i);
                escape(out, c);
                from = i + 1;
            }
        }
        out.append(text, from, text.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
