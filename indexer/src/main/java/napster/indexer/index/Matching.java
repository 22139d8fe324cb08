package napster.indexer.index;

import java.util.List;
import napster.common.query.Filters;
import napster.common.query.SearchQuery;
import napster.common.query.Term;
import napster.common.query.WordSplitter;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * What matches a search, as Lucene queries: the one place that says which files a query and
 * its filters admit. A bare word matches the start of a word of the name; a phrase, its words
 * whole and in order; excluded terms rule names out; a SHA-256 admits that content only; a
 * size range is checked on each file the rest admits, in its {@link FileRecord} ({@link #sizes}).
 */
final class Matching {
    private Matching() {
    }

    /** The files the search admits. */
    static Query of(SearchQuery query, Filters filters) {
        return of(query, filters, false);
    }

    /**
     * The files the search admits that have every bare word whole, not only the start of one
     * (all it admits when it has no bare word): they rank above the rest ({@link Ranking}).
     */
    static Query wholeWordsOf(SearchQuery query, Filters filters) {
        return of(query, filters, true);
    }

    /**
     * Whether the search should read the files with their words whole first, hoping they fill
     * the page so the rest need not be read: when it is one bare word and nothing else, which
     * a few hundred names have whole in a large index. Anything more narrows it to fewer files
     * than a page, and the first pass would only add its term lookups (two words: p50 83 µs
     * in one pass, 133 µs in two; BENCHMARKS.md).
     */
    static boolean wholeWordsFirst(SearchQuery query, Filters filters) {
        return query.terms().size() == 1 && !query.terms().get(0).whole() && !query.terms().get(0).excluded()
                && query.sha256().isEmpty() && filters.extensions() == null && filters.minSize() == null
                && filters.maxSize() == null;
    }

    /**
     * Files where every bare word is a whole word, not only the start of one; null when the
     * query has no bare word (then every match has its words whole).
     */
    static Query wholeWords(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean bare = false;
        for (Term term : query.required()) {
            if (!term.whole()) {
                all.add(of(term, true), Occur.FILTER);
                bare = true;
            }
        }
        return bare ? new ConstantScoreQuery(all.build()) : null;
    }

    private static Query of(SearchQuery query, Filters filters, boolean bareWhole) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Term term : query.terms()) {
            all.add(of(term, bareWhole && !term.excluded()), term.excluded() ? Occur.MUST_NOT : Occur.FILTER);
        }
        query.sha256().ifPresent(sha -> all.add(new TermQuery(FileFields.sha(FileFields.sha256Bytes(sha))),
                Occur.FILTER));
        if (filters.extensions() != null) {
            if (filters.extensions().isEmpty()) {
                return new MatchNoDocsQuery("no extension admitted");
            }
            List<BytesRef> extensions = filters.extensions().stream().sorted().map(BytesRef::new).toList();
            all.add(new TermInSetQuery(FileFields.EXT, extensions), Occur.FILTER);
        }
        return new ConstantScoreQuery(all.build());
    }

    /**
     * The sizes a file may have, in bytes, both ends included: checked on each file the query
     * admits, as its record is read anyway (a column of sizes would be one more memory read per
     * file, and a search always has a word or a hash to narrow it first).
     */
    record SizeRange(long min, long max) {
        static final SizeRange ANY = new SizeRange(0, Long.MAX_VALUE);

        boolean admits(long size) {
            return size >= min && size <= max;
        }
    }

    static SizeRange sizes(Filters filters) {
        if (filters.minSize() == null && filters.maxSize() == null) {
            return SizeRange.ANY;
        }
        return new SizeRange(filters.minSize() == null ? 0 : filters.minSize(),
                filters.maxSize() == null ? Long.MAX_VALUE : filters.maxSize());
    }

    /**
     * The {@link FileFields#exactHash} of a file named exactly what was typed (case and accents
     * folded); null when nothing was typed but a hash.
     */
    static Long exactName(SearchQuery query) {
        return query.required().isEmpty() ? null : FileFields.exactHash(WordSplitter.fold(query.typed().strip()));
    }

    private static Query of(Term term, boolean whole) {
        List<String> words = term.words();
        if (words.size() == 1) {
            org.apache.lucene.index.Term word = new org.apache.lucene.index.Term(FileFields.WORDS, words.get(0));
            return term.whole() || whole ? new TermQuery(word) : new WordPrefixQuery(word);
        }
        return new PhraseQuery(FileFields.WORDS, words.toArray(String[]::new));
    }
}
