package napster.indexer;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Offers one search's {@link TopHits} the contents of the names that contain its query but
 * are not the query in any case (substring matches), a batch of names at a time and one
 * level of objects per pass: the names' contents, then their postings, then ranking. A
 * million names do not fit in any cache, and each pass is a tight loop of independent
 * loads, so the CPU overlaps their cache misses instead of waiting out a chain per name.
 */
final class MatchPass implements Consumer<NameEntry> {
    private static final int SIZE = 128;

    private final NameMatch match;
    private final TopHits top;
    private final NameEntry[] names = new NameEntry[SIZE];
    private int count;
    // the batch's contents, the name each came through, and what the passes read of them
    private Content[] contents = new Content[SIZE];
    private NameEntry[] via = new NameEntry[SIZE];
    private int[] peers = new int[SIZE];
    private Posting[] first = new Posting[SIZE];

    MatchPass(NameMatch match, TopHits top) {
        this.match = match;
        this.top = top;
    }

    /** Takes a name that contains the query and is not the query in any case. */
    @Override
    public void accept(NameEntry name) {
        names[count++] = name;
        if (count == SIZE) {
            drain();
        }
    }

    /** Offers what the batch holds; call once more after the last name. */
    void drain() {
        int found = 0;
        for (int i = 0; i < count; i++) {
            Content only = names[i].onlyContent();
            if (only != null) {
                found = add(found, only, names[i]);
            } else {
                NameEntry name = names[i];
                int[] at = {found};
                name.forEach(content -> at[0] = add(at[0], content, name));
                found = at[0];
            }
        }
        for (int j = 0; j < found; j++) {
            peers[j] = contents[j].peerCount();
            first[j] = contents[j].posting(0);
        }
        for (int j = 0; j < found; j++) {
            // a content not taken by now ranks as a substring match or was refused already
            if (top.took(contents[j])) {
                continue;
            }
            Posting only = first[j];
            if (only.entry == via[j] && contents[j].postingCount() == 1) {
                // the usual content, one posting under this name: ranked without a search
                long prefix = NameBytes.prefix(only.name);
                if (top.mightTake(NameMatch.SUBSTRING, 1, prefix)) {
                    top.offer(new RankedContent(NameMatch.SUBSTRING, 1, only, contents[j], prefix));
                }
            } else if (top.mightTake(NameMatch.SUBSTRING, peers[j], 0)) {
                top.offer(RankedContent.of(contents[j], match, via[j]));
            }
        }
        count = 0;
    }

    private int add(int at, Content content, NameEntry name) {
        if (at == contents.length) {
            contents = Arrays.copyOf(contents, 2 * at);
            via = Arrays.copyOf(via, 2 * at);
            peers = Arrays.copyOf(peers, 2 * at);
            first = Arrays.copyOf(first, 2 * at);
        }
        contents[at] = content;
        via[at] = name;
        return at + 1;
    }
}
