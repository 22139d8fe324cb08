package napster.indexer.index;

/**
 * A 64-bit hash of a file's name and SHA-256: what tells one peer's files apart (a peer shares
 * a name and content once). Two files of one peer would have to collide in 64 bits to be taken
 * for one: about 3 chances in 10^8 for a peer of a million files.
 */
final class FileKey {
    private FileKey() {
    }

    static long of(String name, String sha256) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < sha256.length(); i++) {
            h = (h ^ sha256.charAt(i)) * 0x100000001B3L;
        }
        h = mix(h);
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ name.length());
    }

    /**
     * A content's SHA-256 (64 hex digits) mixed into 64 bits: what holder counts are kept by.
     * Two contents alike in these bits would share a count, which could only reorder results.
     */
    static long content(String sha256) {
        return content(Long.parseUnsignedLong(sha256, 0, 16, 16), Long.parseUnsignedLong(sha256, 16, 32, 16),
                Long.parseUnsignedLong(sha256, 32, 48, 16), Long.parseUnsignedLong(sha256, 48, 64, 16));
    }

    /** The same, from the hash as four longs, most significant first. */
    static long content(long w0, long w1, long w2, long w3) {
        return mix(w0 ^ mix(w1 ^ mix(w2 ^ mix(w3))));
    }

    // murmur3's finaliser: every bit of the input moves every bit of the output
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }
}
