package napster.common.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChunkHashesTest {
    private static final int CHUNK = ChunkHashes.MIN_CHUNK_SIZE;
    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static ChunkHashes blank(long size) {
        return ChunkHashes.of(size, CHUNK, new byte[(int) ChunkHashes.countFor(size, CHUNK) * ChunkHashes.HASH_BYTES]);
    }

    @Test
    void chunks_emptyContent_areNone() {
        ChunkHashes hashes = blank(0);

        assertThat(hashes.count()).isZero();
        assertThat(hashes.bytes()).isEmpty();
        assertThatThrownBy(() -> hashes.offset(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("chunk 0 of 0");
    }

    @Test
    void chunks_oneByte_areOneShortChunk() {
        ChunkHashes hashes = blank(1);

        assertThat(hashes.count()).isEqualTo(1);
        assertThat(hashes.offset(0)).isZero();
        assertThat(hashes.length(0)).isEqualTo(1);
    }

    @Test
    void chunks_exactlyOneChunkSize_areOneFullChunk() {
        ChunkHashes hashes = blank(CHUNK);

        assertThat(hashes.count()).isEqualTo(1);
        assertThat(hashes.offset(0)).isZero();
        assertThat(hashes.length(0)).isEqualTo(CHUNK);
        assertThatThrownBy(() -> hashes.length(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void chunks_oneChunkSizeAndOneByte_endWithAOneByteChunk() {
        ChunkHashes hashes = blank(CHUNK + 1L);

        assertThat(hashes.count()).isEqualTo(2);
        assertThat(hashes.offset(1)).isEqualTo(CHUNK);
        assertThat(hashes.length(0)).isEqualTo(CHUNK);
        assertThat(hashes.length(1)).isEqualTo(1);
    }

    @Test
    void matches_digestOfItsOwnChunk_isTrueOfAnotherFalse() throws Exception {
        byte[] content = new byte[CHUNK + 5];
        Arrays.fill(content, CHUNK, content.length, (byte) 'x');
        byte[] first = sha256(Arrays.copyOfRange(content, 0, CHUNK));
        byte[] second = sha256(Arrays.copyOfRange(content, CHUNK, content.length));

        ChunkHashes hashes = ChunkHashes.of(content.length, CHUNK, concat(first, second));

        assertThat(hashes.matches(0, first)).isTrue();
        assertThat(hashes.matches(1, second)).isTrue();
        assertThat(hashes.matches(0, second)).isFalse();
        assertThat(hashes.hex(1)).isEqualTo(HexFormat.of().formatHex(second));
        assertThat(hashes.bytes()).isEqualTo(concat(first, second));
    }

    @Test
    void single_smallContent_hasTheWholeHashAsItsOnlyChunk() throws Exception {
        byte[] content = "hello\n".getBytes(StandardCharsets.US_ASCII);
        String sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

        ChunkHashes hashes = ChunkHashes.single(content.length, sha);

        assertThat(hashes.chunkSize()).isEqualTo(ChunkHashes.DEFAULT_CHUNK_SIZE);
        assertThat(hashes.count()).isEqualTo(1);
        assertThat(hashes.length(0)).isEqualTo(6);
        assertThat(hashes.matches(0, sha256(content))).isTrue();
    }

    @Test
    void single_emptyContent_hasNoChunks() {
        assertThat(ChunkHashes.single(0, EMPTY_SHA).count()).isZero();
    }

    @Test
    void single_moreThanOneChunk_isRefused() {
        assertThatThrownBy(() -> ChunkHashes.single(ChunkHashes.DEFAULT_CHUNK_SIZE + 1L, EMPTY_SHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("4194305 bytes are more than one chunk");
    }

    @Test
    void of_wrongNumberOfHashBytes_isRefused() {
        assertThatThrownBy(() -> ChunkHashes.of(CHUNK + 1L, CHUNK, new byte[ChunkHashes.HASH_BYTES]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("65537 bytes in chunks of 65536 need 2 chunk hashes (64 bytes), not 32 bytes");
        assertThatThrownBy(() -> ChunkHashes.of(0, CHUNK, new byte[ChunkHashes.HASH_BYTES]))
                .hasMessage("0 bytes in chunks of 65536 need 0 chunk hashes (0 bytes), not 32 bytes");
    }

    @Test
    void of_chunkSizeOutOfRange_isRefused() {
        assertThatThrownBy(() -> ChunkHashes.of(0, CHUNK - 1, new byte[0]))
                .hasMessage("chunkSize must be between 65536 and 67108864");
    }

    @Test
    void of_callerChangesItsArrayLater_hashesStayTheSame() {
        byte[] wire = new byte[ChunkHashes.HASH_BYTES];
        ChunkHashes hashes = ChunkHashes.of(1, CHUNK, wire);

        wire[0] = 1;

        assertThat(hashes.matches(0, new byte[ChunkHashes.HASH_BYTES])).isTrue();
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
