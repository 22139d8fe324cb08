package napster.indexer;

import java.time.Instant;
import java.util.Comparator;
import napster.common.protocol.SharedFile;

/**
 * One file as one peer shares it: a name (in {@link NameBytes}) under the {@link NameEntry}
 * of that name in any case, and a {@link Content}. Immutable.
 */
final class Posting {
    /** By peer id, then name. */
    static final Comparator<Posting> ORDER = (a, b) -> a.peerId != b.peerId ? Integer.compare(a.peerId, b.peerId)
            : NameBytes.compare(a.name, b.name);

    final int peerId;
    final long size;
    final byte[] name;
    final Instant sharedAt;
    final Content content;
    final NameEntry entry;

    Posting(int peerId, byte[] name, long size, Instant sharedAt, Content content, NameEntry entry) {
        this.peerId = peerId;
        this.size = size;
        this.name = name;
        this.sharedAt = sharedAt;
        this.content = content;
        this.entry = entry;
    }

    /** Whether this is the file of that name and content: the same content may be shared under several names. */
    boolean is(String fileName, Content fileContent) {
        return content == fileContent && NameBytes.equals(name, fileName);
    }

    String name() {
        return NameBytes.decode(name);
    }

    SharedFile toSharedFile() {
        return new SharedFile(name(), size, content.sha256());
    }
}
