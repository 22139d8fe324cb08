package napster.indexer;

import java.time.Instant;
import napster.common.protocol.SharedFile;

/**
 * Every indexed file, filed by content (its SHA-256) and by name ignoring case, with the
 * {@link WordIndex} over the names: what {@link FileIndex} links a peer's postings into and
 * searches. Holds no String per file: contents keep their hash as four longs, names are
 * bytes compared case-insensitively as they are read. Not thread-safe.
 */
final class Catalog {
    private final OpenSet<Content> contents = new OpenSet<>();
    // by CaseFolding.lowerHash of the name
    private final OpenSet<NameEntry> names = new OpenSet<>();
    private final WordIndex words = new WordIndex(names);
    private long fileCount;

    /** The key to look the file up in a peer's {@link PostingSet}. */
    PostingSet.Key keyOf(SharedFile file) {
        return new PostingSet.Key(file.name(), CaseFolding.lowerHash(file.name()), content(file.sha256()));
    }

    /** The content with this SHA-256, or null if nobody shares it. */
    Content content(String sha256) {
        long w0 = Sha256Hex.word(sha256, 0);
        long w1 = Sha256Hex.word(sha256, 1);
        long w2 = Sha256Hex.word(sha256, 2);
        long w3 = Sha256Hex.word(sha256, 3);
        return contents.find(Content.hash(w0, w1, w2, w3), content -> content.is(w0, w1, w2, w3));
    }

    /**
     * Files the posting of a file new to the peer under its content and name; {@code key}
     * comes from {@link #keyOf} with nothing linked since (its content, if null, is new).
     */
    Posting link(int peerId, SharedFile file, PostingSet.Key key, Instant sharedAt) {
        Content content = key.content();
        if (content == null) {
            content = Content.of(file.sha256());
            contents.add(content, content.hash);
        }
        String name = file.name();
        NameEntry entry = names.find(key.lowerHash(), candidate -> CaseFolding.sameIgnoringCase(candidate.name, name));
        byte[] bytes;
        if (entry == null) {
            bytes = NameBytes.encode(name);
            entry = new NameEntry(bytes);
            names.add(entry, key.lowerHash());
            words.add(entry);
        } else {
            // peers sharing one name share its bytes
            bytes = NameBytes.equals(entry.name, name) ? entry.name : NameBytes.encode(name);
        }
        entry.add(content);
        Posting posting = new Posting(peerId, bytes, file.size(), sharedAt, content, entry);
        content.add(posting);
        fileCount++;
        return posting;
    }

    void unlink(Posting posting) {
        Content content = posting.content;
        content.remove(posting);
        if (content.isEmpty()) {
            contents.remove(content, content.hash);
        }
        NameEntry entry = posting.entry;
        entry.remove(content);
        if (entry.isEmpty()) {
            names.remove(entry, CaseFolding.lowerHash(entry.name));
            words.remove(entry);
        }
        fileCount--;
    }

    /**
     * Offers {@code top} every content with a name that equals the query (exactly, then
     * ignoring case) or contains it ignoring case. Reads the names the word index points to,
     * not all of them, unless the query has no letter or digit; never more than {@code budget}
     * allows (the exact name is looked up first, outside the budget).
     */
    void search(NameMatch match, TopHits top, SearchBudget budget) {
        String lowerQuery = match.lowerQuery();
        if (lowerQuery.isEmpty()) {
            return;
        }
        NameEntry sameName = names.find(NameBytes.hash(lowerQuery),
                entry -> CaseFolding.equalsLower(entry.name, lowerQuery));
        if (sameName != null) {
            sameName.forEach(content -> top.offer(RankedContent.of(content, match)));
        }
        MatchPass substrings = new MatchPass(match, top);
        words.forEachContaining(lowerQuery, budget, entry -> {
            if (entry != sameName) {
                substrings.accept(entry);
            }
        });
        substrings.drain();
    }

    long fileCount() {
        return fileCount;
    }

    /** Heap bytes the catalogue takes at most, estimated (see {@link IndexBudget}). */
    long estimatedBytes() {
        return IndexBudget.fileBytes(fileCount) + words.estimatedWordBytes();
    }

    int contentCount() {
        return contents.size();
    }
}
