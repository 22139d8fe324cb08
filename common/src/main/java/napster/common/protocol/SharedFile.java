package napster.common.protocol;

/** One file a peer shares: its bare name, size in bytes and SHA-256 (the content id). */
public record SharedFile(String name, long size, String sha256) {
    public SharedFile {
        Fields.fileName("name", name);
        Fields.nonNegative("size", size);
        Fields.sha256("sha256", sha256);
    }
}
