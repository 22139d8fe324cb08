package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import napster.common.protocol.SharedFile;
import org.junit.jupiter.api.Test;

class ShareDeltaTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @Test
    void between_newAndDeletedFiles_areAddedAndRemoved() {
        ShareDelta delta = ShareDelta.between(
                List.of(new SharedFile("keep.txt", 1, A), new SharedFile("gone.txt", 2, B)),
                List.of(new SharedFile("keep.txt", 1, A), new SharedFile("new.txt", 3, C)));
        assertThat(delta.added()).containsExactly(new SharedFile("new.txt", 3, C));
        assertThat(delta.removed()).containsExactly(new SharedFile("gone.txt", 2, B));
    }

    @Test
    void between_changedContent_removesOldHashAndAddsNewHash() {
        ShareDelta delta = ShareDelta.between(List.of(new SharedFile("song.mp3", 10, A)),
                List.of(new SharedFile("song.mp3", 12, B)));
        assertThat(delta.removed()).containsExactly(new SharedFile("song.mp3", 10, A));
        assertThat(delta.added()).containsExactly(new SharedFile("song.mp3", 12, B));
    }

    @Test
    void between_rename_removesOldNameAndAddsNewNameWithSameHash() {
        ShareDelta delta = ShareDelta.between(List.of(new SharedFile("old.txt", 5, A)),
                List.of(new SharedFile("new.txt", 5, A)));
        assertThat(delta.removed()).containsExactly(new SharedFile("old.txt", 5, A));
        assertThat(delta.added()).containsExactly(new SharedFile("new.txt", 5, A));
    }

    @Test
    void between_oneOfTwoIdenticalCopiesDeleted_changesNothing() {
        SharedFile copy = new SharedFile("same.txt", 5, A);
        ShareDelta delta = ShareDelta.between(List.of(copy, copy), List.of(copy));
        assertThat(delta.isEmpty()).isTrue();
    }

    @Test
    void between_sameShare_isEmpty() {
        List<SharedFile> share = List.of(new SharedFile("x", 1, A), new SharedFile("y", 2, B));
        assertThat(ShareDelta.between(share, share).isEmpty()).isTrue();
    }
}
