package napster.indexer;

import java.time.Instant;
import java.util.List;
import napster.common.protocol.InstantText;
import napster.common.protocol.MessageTypes;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SearchResult;

/**
 * A {@code searchResult} reply written as JSON text straight from the index: exactly the
 * text {@link ProtocolCodec#encode} writes for the same {@link SearchResult}, without
 * building a hit and a holder object per result, checking again fields the registrations
 * were checked for, and mapping them by reflection (profiled at 16 clients over a million
 * files, that was a third of the indexer's time per search). Tests hold the two equal.
 *
 * <p>A reply is at most {@link #MAX_REPLY_BYTES} of UTF-8: hits (and, for a content with more
 * holders than fit, holders) that would pass it are left out, best kept, and the reply then
 * says {@code "partial":true}. So one search costs the broker a bounded amount however many
 * files match and however many peers hold them.
 */
final class SearchResultText {
    private static final String TYPE = MessageTypes.standard().typeOf(SearchResult.class);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    // a typical hit: a 40-char name twice, the hash, one holder
    private static final int BYTES_PER_HIT = 300;
    /** The largest reply, in bytes of UTF-8 (a quarter of what the broker lets one reply queue hold). */
    static final int MAX_REPLY_BYTES = 256 * 1024;
    // room kept for what closes the reply: the brackets and the partial flag
    private static final int CLOSING_BYTES = 32;

    private final StringBuilder out;
    private final NameMatch match;
    private final HitFactory hits;
    private final int maxBytes;
    private long bytes; // UTF-8 bytes of out[0, counted)
    private int counted;
    private boolean full; // the reply ran out of room
    // a registration gives all its files one sharedAt: most holders of a reply repeat a few
    private Instant lastInstant;
    private String lastInstantText;

    private SearchResultText(StringBuilder out, NameMatch match, HitFactory hits, int maxBytes) {
        this.out = out;
        this.match = match;
        this.hits = hits;
        this.maxBytes = maxBytes;
    }

    /** The reply's text, at most {@link #MAX_REPLY_BYTES}; {@code partial}: the search itself stopped early. */
    static EncodedSearchResult of(String query, List<RankedContent> ranked, NameMatch match, HitFactory hits,
                                  boolean partial) {
        return of(query, ranked, match, hits, partial, MAX_REPLY_BYTES);
    }

    static EncodedSearchResult of(String query, List<RankedContent> ranked, NameMatch match, HitFactory hits,
                                  boolean partial, int maxBytes) {
        StringBuilder out = new StringBuilder(64 + BYTES_PER_HIT * Math.min(ranked.size(), 128));
        SearchResultText writer = new SearchResultText(out, match, hits, maxBytes - CLOSING_BYTES);
        out.append("{\"type\":\"").append(TYPE).append('"');
        if (query != null) {
            out.append(",\"query\":");
            string(out, query);
        }
        out.append(",\"results\":[");
        int written = 0;
        for (RankedContent hit : ranked) {
            int before = out.length();
            if (written > 0) {
                out.append(',');
            }
            if (!writer.hit(hit)) {
                out.setLength(before); // not even its first holder fits: it and the worse ones stay out
                break;
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

    /* Writes a hit with as many of its holders as fit; false (and a mess to cut off) if not one fits. */
    private boolean hit(RankedContent ranked) {
        Posting display = ranked.display();
        String displayName = display.name();
        Content content = ranked.content();
        out.append("{\"name\":");
        string(out, displayName);
        out.append(",\"size\":").append(display.size).append(",\"sha256\":\"");
        Sha256Hex.append(out, content.w0, content.w1, content.w2, content.w3);
        out.append("\",\"peers\":[");
        int before = out.length();
        int[] holders = {0};
        hits.forEachHolder(ranked, displayName, match, (peer, posting, name) -> {
            if (full) {
                return;
            }
            int start = out.length();
            if (out.length() > before) {
                out.append(',');
            }
            out.append("{\"peerId\":").append(peer.peerId()).append(",\"host\":");
            string(out, peer.host());
            out.append(",\"port\":").append(peer.port()).append(",\"sharedAt\":\"")
                    .append(instantText(posting.sharedAt)).append("\",\"name\":");
            string(out, name);
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
            } else {
                holders[0]++;
            }
        });
        out.append("]}");
        return holders[0] > 0;
    }

    /* Counts the UTF-8 bytes written since the last look; true when past the budget. */
    private boolean overBudget() {
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

    private String instantText(Instant instant) {
        if (!instant.equals(lastInstant)) {
            lastInstant = instant;
            lastInstantText = InstantText.format(instant);
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
