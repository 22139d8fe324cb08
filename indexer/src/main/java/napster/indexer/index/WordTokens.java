package napster.indexer.index;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A name's words, already split and folded by {@link napster.indexer.query.WordSplitter}, as the
 * token stream Lucene indexes: no Lucene analyzer takes part, so names and queries are split
 * by the one rule.
 */
final class WordTokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> words;
    private Iterator<String> next;

    WordTokens(List<String> words) {
        this.words = words;
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
