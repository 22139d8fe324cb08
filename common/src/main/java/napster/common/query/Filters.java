package napster.common.query;

import java.util.Set;

/**
 * What a file must be besides its name: one of these extensions (folded, without the dot;
 * null for any), and a size within these bounds in bytes (null for none). An empty set of
 * extensions admits nothing: a list and a kind that have none in common.
 */
public record Filters(Set<String> extensions, Long minSize, Long maxSize) {
    public static final Filters NONE = new Filters(null, null, null);

    public Filters {
        extensions = extensions == null ? null : Set.copyOf(extensions);
    }

    public boolean admits(String extension, long size) {
        return (extensions == null || extension != null && extensions.contains(extension))
                && (minSize == null || size >= minSize) && (maxSize == null || size <= maxSize);
    }

    public boolean isNone() {
        return extensions == null && minSize == null && maxSize == null;
    }
}
