package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import napster.common.transfer.ChunkHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressRecordTest {
    private static final String SHA = "a".repeat(64);
    private static final int CHUNK = ChunkHashes.DEFAULT_CHUNK_SIZE;

    @TempDir
    Path dir;

    private static ChunkHashes threeChunks() {
        byte[] hashes = new byte[3 * ChunkHashes.HASH_BYTES];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = (byte) i;
        }
        return ChunkHashes.of(2L * CHUNK + 10, CHUNK, hashes);
    }

    private static BitSet chunks(int... indexes) {
        BitSet set = new BitSet();
        for (int index : indexes) {
            set.set(index);
        }
        return set;
    }

    @Test
    void writeThenRead_givesAnEqualRecord() throws Exception {
        ProgressRecord record = new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0, 2));
        Path file = ProgressRecord.beside(dir.resolve("big.bin.napster-part"));

        record.write(file);

        assertThat(file.getFileName().toString()).isEqualTo("big.bin.napster-part.progress");
        assertThat(ProgressRecord.read(file)).contains(record);
        assertThat(Files.readString(file)).startsWith("{\"sha256\":\"" + SHA + "\",\"size\":" + (2L * CHUNK + 10)
                + ",\"chunkSize\":" + CHUNK + ",\"chunkHashes\":\"").contains("\"done\":\"BQ==\"");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void write_again_replacesTheOldRecord() throws Exception {
        Path file = dir.resolve("x.progress");
        new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0)).write(file);

        new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0, 1)).write(file);

        assertThat(ProgressRecord.read(file).orElseThrow().done()).isEqualTo(chunks(0, 1));
    }

    @Test
    void write_diskFull_failsLeavingNoTemporaryFileAndTheOldRecordAsItWas() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full here to play a full disk");
        Path file = dir.resolve("x.progress");
        ProgressRecord old = new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0));
        old.write(file);
        // the temporary file leads to a device where every write fails with "No space left on device"
        Files.createSymbolicLink(dir.resolve("x.progress.tmp"), full);

        assertThatThrownBy(() -> new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0, 1)).write(file))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");

        assertThat(dir.resolve("x.progress.tmp")).doesNotExist();
        assertThat(ProgressRecord.read(file)).contains(old);
    }

    @Test
    void bytesWithin_countsTheRecordedChunksThatFitInThePartialFile() {
        ProgressRecord record = new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(0, 2));

        assertThat(record.bytesWithin(2L * CHUNK + 10)).isEqualTo(CHUNK + 10);
        assertThat(record.bytesWithin(2L * CHUNK + 9)).as("chunk 2 is cut short").isEqualTo(CHUNK);
        assertThat(record.bytesWithin(0)).isZero();
    }

    @Test
    void read_missingOrGarbledOrInconsistent_isEmptySoTheDownloadStartsAfresh() throws Exception {
        assertThat(ProgressRecord.read(dir.resolve("none"))).isEmpty();
        Path garbled = Files.writeString(dir.resolve("garbled"), "{\"sha256\":");
        assertThat(ProgressRecord.read(garbled)).isEmpty();
        Path tooFewHashes = Files.writeString(dir.resolve("few"), "{\"sha256\":\"" + SHA + "\",\"size\":" + (2L * CHUNK + 10)
                + ",\"chunkSize\":" + CHUNK + ",\"chunkHashes\":\"AAAA\",\"done\":\"\"}");
        assertThat(ProgressRecord.read(tooFewHashes)).isEmpty();
    }

    @Test
    void describes_sameContentAndChunks_only() {
        ProgressRecord record = new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks());

        assertThat(record.describes(SHA, threeChunks())).isTrue();
        assertThat(record.describes("b".repeat(64), threeChunks())).isFalse();
        assertThat(record.describes(SHA, ChunkHashes.single(10, SHA))).isFalse();
    }

    @Test
    void new_chunkPastTheEnd_isRefused() {
        assertThatThrownBy(() -> new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 3 is past the last chunk");
    }

    @Test
    void done_isACopy() {
        ProgressRecord record = new ProgressRecord(SHA, 2L * CHUNK + 10, threeChunks(), chunks());

        record.done().set(1);

        assertThat(record.done().isEmpty()).isTrue();
    }
}
