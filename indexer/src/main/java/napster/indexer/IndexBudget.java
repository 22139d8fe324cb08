package napster.indexer;

/**
 * How much the index may hold: at most {@code maxFiles} files, and at most {@code maxBytes} of
 * heap as estimated from the counts it keeps (files, words of the vocabulary and their chars).
 * Past either the indexer refuses registrations with {@code index-full} and keeps serving,
 * instead of running out of memory; the check comes before each message, so one message (at
 * most 5,000 files) may carry the index past the line.
 *
 * <p>The estimate is an upper bound, measured as heap after full GCs per file, for the worst
 * names (255 characters of unique random words; one unique 251-letter word) and for long names
 * sharing their words: 6,699 / 3,616 / 703 bytes per file against an estimate of 7,044 / 3,852
 * / 900. Typical names (272 bytes measured, BENCHMARKS.md) come out at about 900.
 */
public record IndexBudget(long maxFiles, long maxBytes) {
    /** Per indexed file: its posting, content, name entry and name bytes (a 255-char name). */
    static final long BYTES_PER_FILE = 720;
    /** Per word of the vocabulary: the word and its entries in the gram index, plus per char of it. */
    static final long BYTES_PER_WORD = 120;
    static final long BYTES_PER_WORD_CHAR = 12;
    /** The index's share of the heap when it has the JVM to itself ({@code ./napster indexer}). */
    static final double STANDALONE_HEAP_SHARE = 0.5;
    /** ... and beside the broker ({@code ./napster up}), whose message memory takes 30 % of the heap. */
    static final double BESIDE_BROKER_HEAP_SHARE = 0.4;

    public IndexBudget {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an index must be allowed at least one file and one byte");
        }
    }

    /** Half of this JVM's heap, however many files that is. */
    public static IndexBudget standalone() {
        return ofHeapShare(STANDALONE_HEAP_SHARE);
    }

    /** 40 % of this JVM's heap, however many files that is. */
    public static IndexBudget besideBroker() {
        return ofHeapShare(BESIDE_BROKER_HEAP_SHARE);
    }

    private static IndexBudget ofHeapShare(double share) {
        return new IndexBudget(Long.MAX_VALUE, (long) (Runtime.getRuntime().maxMemory() * share));
    }

    /** The same heap share, and at most {@code files} files. */
    public IndexBudget withMaxFiles(long files) {
        return new IndexBudget(files, maxBytes);
    }

    /** Whether an index now holding {@code files} files in an estimated {@code bytes} may take {@code more} files. */
    boolean allows(long files, long bytes, long more) {
        return files + more <= maxFiles && bytes <= maxBytes;
    }

    /** One sentence on why a request was refused. */
    String refusal() {
        return "The index is full (" + (maxFiles == Long.MAX_VALUE ? "" : "at most " + maxFiles + " files, ")
                + "at most " + (maxBytes >> 20) + " MiB of the indexer's memory); nothing of this request was indexed.";
    }

    static long fileBytes(long files) {
        return files * BYTES_PER_FILE;
    }

    static long wordBytes(long words, long chars) {
        return words * BYTES_PER_WORD + chars * BYTES_PER_WORD_CHAR;
    }
}
