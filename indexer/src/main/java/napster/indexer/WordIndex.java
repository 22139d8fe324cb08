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
    /** Runs of a query compared to choose the one to read through. */
    static final int MAX_RUNS_TRIED = 4;

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
     * at least once. Reads the names holding a word that contains one run of letters and digits
     * of the query (of its {@link #MAX_RUNS_TRIED} longest, the one listing fewest names), or every name for a query without any (or one whose words would
     * list more names than there are). Each word and name read is taken from {@code budget};
     * the reading stops when it is spent.
     */
    void forEachContaining(String lowerQuery, SearchBudget budget, Consumer<NameEntry> action) {
        // every run of the query is in every name that contains the query: read through the one listing fewest names
        String run = "";
        List<Word> words = new ArrayList<>();
        long listed = Long.MAX_VALUE;
        for (String candidate : Words.runs(lowerQuery, MAX_RUNS_TRIED)) {
            List<Word> found = new ArrayList<>();
            vocabulary.forEachContaining(candidate, budget, found::add);
            long names = 0;
            for (Word word : found) {
                names += word.size();
            }
            if (names < listed) {
                run = candidate;
                words = found;
                listed = names;
            }
        }
        if (run.isEmpty() || listed > live) {
            Batch batch = new Batch(lowerQuery, false, action);
            all.forEachWhile(entry -> {
                if (!budget.take()) {
                    return false;
                }
                batch.accept(entry);
                return true;
            });
            batch.drain();
            return;
        }
        // a name holding a word that contains the whole query contains the query
        Batch batch = new Batch(lowerQuery, run.length() == lowerQuery.length(), action);
        reading:
        for (Word word : words) {
            for (int i = 0; i < word.size(); i++) {
                if (!budget.take()) {
                    break reading;
                }
                batch.accept(word.name(i));
            }
        }
        batch.drain();
    }

    /** What the word index costs in heap, estimated from the vocabulary it keeps (see {@link IndexBudget}). */
    long estimatedWordBytes() {
        return IndexBudget.wordBytes(vocabulary.kept(), vocabulary.keptChars());
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
