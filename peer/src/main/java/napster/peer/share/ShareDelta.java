package napster.peer.share;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import napster.common.protocol.SharedFile;

/**
 * How a share changed between two scans, as the index sees files (name, size, SHA-256): a
 * changed file is its old content removed and its new content added; a rename is the same
 * content removed under the old name and added under the new one.
 */
public record ShareDelta(List<SharedFile> added, List<SharedFile> removed) {
    public ShareDelta {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static ShareDelta between(ShareCatalogue before, ShareCatalogue after) {
        return between(before.files(), after.files());
    }

    /** Set difference both ways; a file shared twice (same name and content in two folders) counts once. */
    public static ShareDelta between(List<SharedFile> before, List<SharedFile> after) {
        Set<SharedFile> old = new LinkedHashSet<>(before);
        Set<SharedFile> now = new LinkedHashSet<>(after);
        List<SharedFile> added = now.stream().filter(file -> !old.contains(file)).toList();
        List<SharedFile> removed = old.stream().filter(file -> !now.contains(file)).toList();
        return new ShareDelta(added, removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    @Override
    public String toString() {
        return "+" + added.size() + " -" + removed.size();
    }
}
