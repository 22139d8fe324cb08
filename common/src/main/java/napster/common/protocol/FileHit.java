package napster.common.protocol;

import java.util.List;

/** One search result: a distinct content (by SHA-256) and the peers that hold it. */
public record FileHit(String name, long size, String sha256, List<Holder> peers) {
    public FileHit {
        Fields.fileName("name", name);
        Fields.nonNegative("size", size);
        Fields.sha256("sha256", sha256);
        peers = Fields.list("peers", peers, Integer.MAX_VALUE);
    }
}
