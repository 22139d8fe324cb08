package napster.common.query;

import java.util.List;
import java.util.Optional;

/**
 * A parsed search: the terms a name must match (and must not), the content a file must have
 * when a SHA-256 was typed, and the text as typed, which ranks a file of exactly that name first.
 */
public record SearchQuery(List<Term> terms, Optional<String> sha256, String typed) {
    public SearchQuery {
        terms = List.copyOf(terms);
    }

    /** Terms a name must match. */
    public List<Term> required() {
        return terms.stream().filter(term -> !term.excluded()).toList();
    }

    /** Terms a name must not match. */
    public List<Term> excluded() {
        return terms.stream().filter(Term::excluded).toList();
    }
}
