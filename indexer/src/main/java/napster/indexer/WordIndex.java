package napster.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Names by the words they hold, so a substring search reads the few names whose words
 * contain the query's longest run of letters and digits instead of every name. Removing a
 * name leaves it in its words' lists, empty (a live name never is): a list drops such dead
 * names when they outnumber the live ones, so a peer leaving with a thousand files does not
 * cost a thousand passes over the 600k names holding "mp3". A name added again is a new
 * {@link NameEntry}, so a list never holds a live name twice. Not thread-safe.
 */
final class WordIndex {
    private final Vocabulary vocabulary = new Vocabulary();
    private final Words split = new Words();
    private final OpenSet<NameEntry> all;
    private int live;
    // stamps the words of the name being split (see Word.visit)
    private int visit;

    /** {@code all}: every live name, read for queries the words cannot narrow down. */
    WordIndex(OpenSet<NameEntry> all) {
        this.all = all;
    }

    void add(NameEntry entry) {
        live++;
        visit++;
        split.load(entry.name);
        while (split.next()) {
            Word word = vocabulary.word(split);
            if (word.visit != visit) {
                word.visit = visit;
                word.add(entry);
                vocabulary.held(word);
            }
        }
    }

    /** Forgets a name that has become empty. */
    void remove(NameEntry entry) {
        live--;
        visit++;
        split.load(entry.name);
        while (split.next()) {
            Word word = vocabulary.find(split);
            if (word.visit == visit) {
                continue;
            }
            word.visit = visit;
            // dead names in the list: this one, and those before it
            if (word.size() > 2 * (word.live - 1)) {
                word.dropDead();
            }
            vocabulary.released(word);
        }
    }

    /**
     * Calls {@code action} for every name whose lower-cased form contains {@code lowerQuery},
     * at least once. Reads the names holding a word that contains the query's longest run of
     * letters and digits, or every name for a query without any (or one whose words would
     * list more names than there are).
     */
    void forEachContaining(String lowerQuery, Consumer<NameEntry> action) {
        String run = Words.longestRun(lowerQuery);
        List<Word> words = new ArrayList<>();
        if (!run.isEmpty()) {
            vocabulary.forEachContaining(run, words::add);
        }
        long listed = 0;
        for (Word word : words) {
            listed += word.size();
        }
        if (run.isEmpty() || listed > live) {
            Batch batch = new Batch(lowerQuery, false, action);
            all.forEach(batch);
            batch.drain();
            return;
        }
        // a name holding a word that contains the whole query contains the query
        Batch batch = new Batch(lowerQuery, run.length() == lowerQuery.length(), action);
        for (Word word : words) {
            for (int i = 0; i < word.size(); i++) {
                batch.accept(word.name(i));
            }
        }
        batch.drain();
    }

    /** Distinct words some name holds. */
    int vocabularySize() {
        return vocabulary.size();
    }

    /** The word (tests look at its list), or null. */
    Word word(String text) {
        return vocabulary.find(text);
    }

    /**
     * Candidate names taken a batch at a time: first one tight pass that only tells the dead
     * ones, so the CPU overlaps the cache misses of all of them (a million names do not fit
     * in any cache) instead of waiting out one per name, then the checks and the action.
     */
    private static final class Batch implements Consumer<NameEntry> {
        private static final int SIZE = 256;
        private final NameEntry[] names = new NameEntry[SIZE];
        private final String lowerQuery;
        private final boolean sure;
        private final Consumer<NameEntry> action;
        private int count;

        private Batch(String lowerQuery, boolean sure, Consumer<NameEntry> action) {
            this.lowerQuery = lowerQuery;
            this.sure = sure;
            this.action = action;
        }

        @Override
        public void accept(NameEntry entry) {
            names[count++] = entry;
            if (count == SIZE) {
                drain();
            }
        }

        void drain() {
            int live = 0;
            for (int i = 0; i < count; i++) {
                if (!names[i].isEmpty()) {
                    names[live++] = names[i];
                }
            }
            for (int i = 0; i < live; i++) {
                if (sure || CaseFolding.containsLower(names[i].name, lowerQuery)) {
                    action.accept(names[i]);
                }
            }
            count = 0;
        }
    }
}
