package napster.indexer.service;

/**
 * How much the index may hold: at most {@code maxFiles} files, and at most {@code maxBytes} of
 * heap as the index counts it (its holder tables as allocated, Lucene's buffer of documents not
 * yet written, and the segments themselves when they are held in memory). Past either the
 * indexer refuses registrations with {@code index-full} and keeps serving, instead of running
 * out of memory; the check comes before each message, so one message (at most 5,000 files)
 * may carry the index past the line. The segments of an index kept in a folder are mapped
 * from disk and do not count: they take about 130 bytes of disk per file (BENCHMARKS.md).
 */
public record IndexBudget(long maxFiles, long maxBytes) {
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

    /** Whether an index now holding {@code files} files in {@code heapBytes} of heap may take {@code more} files. */
    boolean allows(long files, long heapBytes, long more) {
        return files + more <= maxFiles && heapBytes <= maxBytes;
    }

    /** One sentence on why a request was refused. */
    String refusal() {
        return "The index is full (" + (maxFiles == Long.MAX_VALUE ? "" : "at most " + maxFiles + " files, ")
                + "at most " + (maxBytes >> 20) + " MiB of the indexer's memory); nothing of this request was indexed.";
    }
}
