package napster.indexer.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words that start with a prefix, found by seeking to the prefix in the terms and reading
 * on while they start with it: for a typed word, cheaper to set up per segment than Lucene's
 * {@link org.apache.lucene.search.PrefixQuery}, which runs an automaton over the terms.
 */
final class WordPrefixQuery extends MultiTermQuery {
    private final Term prefix;

    WordPrefixQuery(Term prefix) {
        super(prefix.field(), CONSTANT_SCORE_BLENDED_REWRITE);
        this.prefix = prefix;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        BytesRef start = prefix.bytes();
        return new FilteredTermsEnum(terms.iterator()) {
            {
                setInitialSeekTerm(start);
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                return StringHelper.startsWith(term, start) ? AcceptStatus.YES : AcceptStatus.END;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(getField())) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return (getField().equals(field) ? "" : getField() + ":") + prefix.text() + "*";
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && prefix.equals(((WordPrefixQuery) other).prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), prefix);
    }
}
