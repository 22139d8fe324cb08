package napster.peer.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileHasherTest {
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void sha256_ofAbc_matchesSha256sum() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        assertThat(FileHasher.sha256(file)).isEqualTo(SHA256_OF_ABC);
        assertThat(FileHasher.hash(file).sha256()).isEqualTo(SHA256_OF_ABC);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK})
    void hash_atMostOneChunk_holdsNoChunkHashesAndDerivesTheFileHash(int size) throws IOException {
        Path file = Files.write(dir.resolve("small.bin"), bytes(size, 7));

        FileHashes hashes = FileHasher.hash(file);

        assertThat(hashes.size()).isEqualTo(size);
        assertThat(hashes.sha256()).isEqualTo(FileHasher.sha256(file));
        assertThat(hashes.held()).isNull();
        assertThat(hashes.chunkHashes()).isEqualTo(ChunkHashes.single(size, hashes.sha256()));
    }

    @ParameterizedTest
    @ValueSource(ints = {CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 12_345})
    void hash_moreThanOneChunk_givesTheSha256OfEach4MiBSlice(int size) throws IOException {
        byte[] content = bytes(size, 11);
        Path file = Files.write(dir.resolve("big.bin"), content);

        FileHashes hashes = FileHasher.hash(file);

        assertThat(hashes.sha256()).isEqualTo(sha256(content)).isEqualTo(FileHasher.sha256(file));
        ChunkHashes chunks = hashes.chunkHashes();
        assertThat(chunks.size()).isEqualTo(size);
        assertThat(chunks.chunkSize()).isEqualTo(CHUNK);
        int count = (size + CHUNK - 1) / CHUNK;
        assertThat(chunks.count()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            byte[] slice = Arrays.copyOfRange(content, i * CHUNK, Math.min(size, (i + 1) * CHUNK));
            assertThat(chunks.hex(i)).as("chunk %d", i).isEqualTo(sha256(slice));
        }
    }

    @Test
    void hash_bytesFedInOddPieces_givesTheSameAsOneRead() throws IOException {
        byte[] content = bytes(2 * CHUNK + 3, 5);
        ContentDigest digest = new ContentDigest();
        for (int offset = 0; offset < content.length; offset += 999_983) {
            digest.update(content, offset, Math.min(999_983, content.length - offset));
        }

        assertThat(digest.finish()).isEqualTo(FileHasher.hash(Files.write(dir.resolve("f"), content)));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /* Independent of ContentDigest: one MessageDigest over exactly the given bytes. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
