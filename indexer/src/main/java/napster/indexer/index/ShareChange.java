package napster.indexer.index;

import java.util.List;
import napster.common.protocol.SharedFile;

/** What a register or update did to one peer's share: its file count after, the files added and removed. */
public record ShareChange(int files, List<SharedFile> added, List<SharedFile> removed) {
    public ShareChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
