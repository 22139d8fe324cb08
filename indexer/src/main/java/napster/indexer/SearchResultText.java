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
 */
final class SearchResultText {
    private static final String TYPE = MessageTypes.standard().typeOf(SearchResult.class);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    // a typical hit: a 40-char name twice, the hash, one holder
    private static final int BYTES_PER_HIT = 300;

    private final StringBuilder out;
    private final NameMatch match;
    private final HitFactory hits;
    // a registration gives all its files one sharedAt: most holders of a reply repeat a few
    private Instant lastInstant;
    private String lastInstantText;

    private SearchResultText(StringBuilder out, NameMatch match, HitFactory hits) {
        this.out = out;
        this.match = match;
        this.hits = hits;
    }

    static String of(String query, List<RankedContent> ranked, NameMatch match, HitFactory hits) {
        StringBuilder out = new StringBuilder(64 + BYTES_PER_HIT * ranked.size());
        SearchResultText writer = new SearchResultText(out, match, hits);
        out.append("{\"type\":\"").append(TYPE).append('"');
        if (query != null) {
            out.append(",\"query\":");
            string(out, query);
        }
        out.append(",\"results\":[");
        for (int i = 0; i < ranked.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writer.hit(ranked.get(i));
        }
        return out.append("]}").toString();
    }

    private void hit(RankedContent ranked) {
        Posting display = ranked.display();
        String displayName = display.name();
        Content content = ranked.content();
        out.append("{\"name\":");
        string(out, displayName);
        out.append(",\"size\":").append(display.size).append(",\"sha256\":\"");
        Sha256Hex.append(out, content.w0, content.w1, content.w2, content.w3);
        out.append("\",\"peers\":[");
        int before = out.length();
        hits.forEachHolder(ranked, displayName, match, (peer, posting, name) -> {
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
        });
        out.append("]}");
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
