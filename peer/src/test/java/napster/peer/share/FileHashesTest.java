package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;

class FileHashesTest {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void new_oneChunkWithItsSingleChunkHash_holdsNothingExtra() {
        FileHashes hashes = new FileHashes(3, SHA, ChunkHashes.single(3, SHA));

        assertThat(hashes.held()).isNull();
        assertThat(hashes).isEqualTo(new FileHashes(3, SHA, null));
        assertThat(new FileHashes(3, SHA, hashes.chunkHashes())).isEqualTo(hashes);
    }

    @Test
    void new_oneChunkWithAnotherChunkHash_isRefused() {
        ChunkHashes other = ChunkHashes.single(3, "0".repeat(64));

        assertThatThrownBy(() -> new FileHashes(3, SHA, other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void new_moreThanOneChunkWithoutChunkHashes_isRefused() {
        assertThatThrownBy(() -> new FileHashes(CHUNK + 1L, SHA, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void new_chunkHashesOfAnotherSizeOrChunkSize_areRefused() {
        ChunkHashes twoChunks = ChunkHashes.of(CHUNK + 1L, CHUNK, new byte[64]);
        ChunkHashes smallChunks = ChunkHashes.of(CHUNK + 1L, CHUNK / 2, new byte[3 * 32]);

        assertThat(new FileHashes(CHUNK + 1L, SHA, twoChunks).chunkHashes()).isSameAs(twoChunks);
        assertThatThrownBy(() -> new FileHashes(CHUNK + 2L, SHA, twoChunks)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileHashes(CHUNK + 1L, SHA, smallChunks)).isInstanceOf(IllegalArgumentException.class);
    }
}
