package napster.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import napster.common.protocol.Fields;

/**
 * Parses what people type into a {@link SearchQuery}. Terms are separated by spaces; a term
 * in double quotes is a phrase (an unclosed quote runs to the end); a term starting with
 * {@code -} excludes; a bare 64-hex-digit term, in either case, is a SHA-256. Punctuation
 * inside a bare term joins its words into a phrase ({@code 6.txt} is {@code "6 txt"}); a term
 * without letters or digits is ignored. At most {@value #MAX_WORDS} words, so the cost of one
 * search stays bounded.
 */
public final class QueryParser {
    /** Words in all terms of one query, excluded ones included. */
    public static final int MAX_WORDS = 16;

    private QueryParser() {
    }

    public static SearchQuery parse(String typed) {
        List<Term> terms = new ArrayList<>();
        String sha256 = null;
        int words = 0;
        int i = 0;
        while (i < typed.length()) {
            if (Character.isWhitespace(typed.charAt(i))) {
                i++;
                continue;
            }
            boolean excluded = typed.charAt(i) == '-' && i + 1 < typed.length()
                    && !Character.isWhitespace(typed.charAt(i + 1));
            if (excluded) {
                i++;
            }
            boolean quoted = typed.charAt(i) == '"';
            int end;
            String text;
            if (quoted) {
                int close = typed.indexOf('"', i + 1);
                end = close < 0 ? typed.length() : close + 1;
                text = typed.substring(i + 1, close < 0 ? typed.length() : close);
            } else {
                end = i;
                while (end < typed.length() && !Character.isWhitespace(typed.charAt(end))) {
                    end++;
                }
                text = typed.substring(i, end);
            }
            i = end;

            String sha = quoted ? null : Fields.sha256AnyCase(text);
            if (sha != null) {
                if (excluded) {
                    throw new BadQueryException("A SHA-256 cannot be excluded; search for it, or leave it out.");
                }
                if (sha256 != null && !sha256.equals(sha)) {
                    throw new BadQueryException("A search names at most one SHA-256; this one names two.");
                }
                sha256 = sha;
                continue;
            }
            List<String> split = WordSplitter.words(text);
            if (split.isEmpty()) {
                continue;
            }
            words += split.size();
            if (words > MAX_WORDS) {
                throw new BadQueryException("A search takes at most " + MAX_WORDS + " words; leave some out.");
            }
            Term term = quoted || split.size() > 1 ? Term.phrase(split) : Term.prefix(split.get(0));
            terms.add(excluded ? term.negated() : term);
        }
        SearchQuery query = new SearchQuery(terms, Optional.ofNullable(sha256), typed.strip());
        if (query.required().isEmpty() && query.sha256().isEmpty()) {
            throw new BadQueryException(query.excluded().isEmpty()
                    ? "A search needs a word or a SHA-256 to look for."
                    : "A search needs a word to look for besides the ones it excludes.");
        }
        return query;
    }
}
