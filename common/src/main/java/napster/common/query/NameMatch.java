package napster.common.query;

import java.util.List;

/**
 * Whether one file answers a query, decided on its name and SHA-256 alone: every required term
 * matches the name's words (a bare word the start of one, a phrase whole words in order), no
 * excluded term does, and a typed SHA-256 is the file's. The rule PROTOCOL.md states and the
 * indexer's index applies to a million names at once; here for one name at a time, as
 * {@code watch} sees files come and go (and as tests check the index against).
 */
public final class NameMatch {
    private NameMatch() {
    }

    public static boolean matches(SearchQuery query, String name, String sha256) {
        if (query.sha256().isPresent() && !query.sha256().get().equalsIgnoreCase(sha256)) {
            return false;
        }
        List<String> words = WordSplitter.words(name);
        for (Term term : query.terms()) {
            if (matches(term, words) == term.excluded()) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Term term, List<String> words) {
        List<String> wanted = term.words();
        if (!term.whole()) {
            return words.stream().anyMatch(word -> word.startsWith(wanted.get(0)));
        }
        for (int at = 0; at + wanted.size() <= words.size(); at++) {
            if (words.subList(at, at + wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
