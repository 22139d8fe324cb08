package napster.indexer;

import java.time.Instant;
import napster.common.protocol.SharedFile;

/**
 * One file as one peer shares it. The lower-cased name is kept because every name search
 * compares against it; for names already in lower case it is the same String, so it costs
 * a reference, not a copy.
 */
record Posting(int peerId, String name, String lowerName, long size, String sha256, Instant sharedAt) {

    static Posting of(int peerId, SharedFile file, Instant sharedAt) {
        return new Posting(peerId, file.name(), NameMatch.lower(file.name()), file.size(), file.sha256(), sharedAt);
    }

    SharedFile toSharedFile() {
        return new SharedFile(name, size, sha256);
    }

    FileKey key() {
        return new FileKey(name, sha256);
    }

    /** Identifies a file within one peer's share: the same content may appear under several names. */
    record FileKey(String name, String sha256) {
        static FileKey of(SharedFile file) {
            return new FileKey(file.name(), file.sha256());
        }
    }
}
