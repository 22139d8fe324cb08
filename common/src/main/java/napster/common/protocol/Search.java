package napster.common.protocol;

import java.util.List;

/**
 * A search by name ({@code query}: words, phrases and exclusions, see PROTOCOL.md) or by content
 * ({@code sha256}); at least one is required. {@code limit} caps the number of results. The
 * filters are optional: {@code extensions} (lower-case, without the dot; a file must have one of
 * them), {@code minSize} and {@code maxSize} in bytes, and {@code kind} (see {@link FileKind});
 * a file must pass all that are given.
 */
public record Search(String query, String sha256, Integer limit, List<String> extensions, Long minSize,
                     Long maxSize, String kind) implements Message {
    public static final int DEFAULT_LIMIT = 100;
    /** The most extensions one search may list. */
    public static final int MAX_EXTENSIONS = 32;
    /** The longest extension. */
    public static final int MAX_EXTENSION_LENGTH = 16;

    public Search {
        if (query == null && sha256 == null) {
            throw new IllegalArgumentException("query or sha256 is required");
        }
        if (query != null) {
            Fields.text("query", query, Fields.MAX_QUERY_LENGTH);
        }
        if (sha256 != null) {
            Fields.sha256("sha256", sha256);
        }
        if (limit != null && (limit < 1 || limit > Fields.MAX_SEARCH_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + Fields.MAX_SEARCH_LIMIT);
        }
        if (extensions != null) {
            extensions = Fields.list("extensions", extensions, MAX_EXTENSIONS);
            extensions.forEach(Search::extension);
        }
        if (minSize != null) {
            Fields.nonNegative("minSize", minSize);
        }
        if (maxSize != null) {
            Fields.nonNegative("maxSize", maxSize);
        }
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw new IllegalArgumentException("minSize must not be more than maxSize");
        }
        if (kind != null) {
            FileKind.of(kind);
        }
    }

    public Search(String query, String sha256, Integer limit) {
        this(query, sha256, limit, null, null, null, null);
    }

    public static Search byName(String query) {
        return new Search(query, null, null);
    }

    public static Search byHash(String sha256) {
        return new Search(null, sha256, null);
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** An extension as a search lists it: 1 to 16 lower-case letters or digits, no dot. */
    public static String extension(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_EXTENSION_LENGTH) {
            throw new IllegalArgumentException("an extension must be 1 to " + MAX_EXTENSION_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c) || Character.isUpperCase(c)) {
                throw new IllegalArgumentException("an extension is lower-case letters and digits without the dot,"
                        + " not \"" + value + "\"");
            }
        }
        return value;
    }
}
