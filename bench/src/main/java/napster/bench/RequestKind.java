package napster.bench;

import java.util.List;
import java.util.SplittableRandom;
import napster.common.protocol.Browse;
import napster.common.protocol.Message;
import napster.common.protocol.Search;
import napster.common.protocol.SharedFile;

/**
 * The kinds of request the benchmarks time, each made from a random file of the synthetic
 * library so that it always finds something: {@code bench index} asks the index directly,
 * {@code bench search} through the broker.
 */
enum RequestKind {
    ONE_WORD("one word"), TWO_WORDS("two words"), WORD_AND_PREFIX("word + 3-letter prefix"),
    FILTERED("word + extension + 4 MB range"), SHA256("SHA-256"), BROWSE("browse a peer, 100 files");

    final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /**
     * A {@link Search} or, for {@link #BROWSE}, a {@link Browse} of one of peers 1 to
     * {@code peers} (the ids the indexer gives the library's peers), asking for {@code limit}.
     */
    Message request(SyntheticLibrary library, SplittableRandom random, long files, int peers, int limit) {
        SharedFile file = library.file(random.nextLong(files));
        String[] words = SyntheticLibrary.words(file);
        int at = random.nextInt(words.length);
        String one = words[at];
        String other = words[(at + 1 + random.nextInt(words.length - 1)) % words.length];
        return switch (this) {
            case ONE_WORD -> new Search(one, null, limit);
            case TWO_WORDS -> new Search(one + " " + other, null, limit);
            case WORD_AND_PREFIX -> new Search(one + " " + other.substring(0, 3), null, limit);
            // the file's own extension, and a size range of 4 MB around its size: it always finds the file
            case FILTERED -> new Search(one, null, limit, List.of(file.name().substring(file.name().lastIndexOf('.')
                    + 1)), file.size() - 2_000_000, file.size() + 2_000_000, null);
            case SHA256 -> Search.byHash(file.sha256());
            case BROWSE -> new Browse(1 + random.nextInt(peers), limit);
        };
    }
}
