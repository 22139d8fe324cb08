package napster.indexer.index;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A name's words, already split and folded by {@link napster.common.query.WordSplitter}, as the
 * token stream Lucene indexes: no Lucene analyzer takes part, so names and queries are split
 * by the one rule. One instance serves one document after another (an attribute source is
 * costly to set up per document): {@link #of} gives it the next one's words.
 */
final class WordTokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private List<String> words = List.of();
    private Iterator<String> next;

    /** This stream, for the next document's words. */
    WordTokens of(List<String> next) {
        this.words = next;
        return this;
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(next.next());
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = words.iterator();
    }
}
