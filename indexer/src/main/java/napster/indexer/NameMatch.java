package napster.indexer;

import java.util.Locale;

/**
 * How well a shared name answers a search, as a rank where lower is better: the exact name,
 * the name in another case, a name containing the query in any case, or no match. A search
 * by content ranks every name as exact.
 */
final class NameMatch {
    static final int EXACT = 0;
    static final int IGNORING_CASE = 1;
    static final int SUBSTRING = 2;
    static final int NONE = 3;

    private static final NameMatch ANY = new NameMatch(null, null);

    private final String query;
    private final String lowerQuery;

    private NameMatch(String query, String lowerQuery) {
        this.query = query;
        this.lowerQuery = lowerQuery;
    }

    static NameMatch of(String query) {
        return new NameMatch(query, lower(query));
    }

    /** For searches by SHA-256: the content matched, so every name it goes by does. */
    static NameMatch any() {
        return ANY;
    }

    /** Root locale so that, e.g., a Turkish default locale does not change what "I" matches. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    String lowerQuery() {
        return lowerQuery;
    }

    /** Whether the name, lower-cased, contains the query lower-cased. */
    boolean contains(byte[] name) {
        return CaseFolding.containsLower(name, lowerQuery);
    }

    int rank(Posting posting) {
        if (query == null || NameBytes.equals(posting.name, query)) {
            return EXACT;
        }
        if (CaseFolding.equalsLower(posting.name, lowerQuery)) {
            return IGNORING_CASE;
        }
        return contains(posting.name) ? SUBSTRING : NONE;
    }
}
