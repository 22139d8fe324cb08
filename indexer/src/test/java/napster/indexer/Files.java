package napster.indexer;

import napster.indexer.index.Peer;

import napster.common.protocol.SharedFile;

/** Test data: deterministic hashes, files and peers. */
public final class Files {
    private Files() {
    }

    /** A valid SHA-256 hex string derived from {@code n}. */
    public static String sha(long n) {
        return String.format("%064x", n);
    }

    public static SharedFile file(String name, long content) {
        return new SharedFile(name, 1_000 + content, sha(content));
    }

    public static String key(int n) {
        return String.format("peer-key-%08d", n);
    }

    public static Peer peer(int id) {
        return new Peer(id, key(id), "user" + id, "10.0.0." + id, 4_000 + id);
    }
}
