package napster.peer.share;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a file through SHA-256 and gives the same lowercase hex that {@code sha256sum} prints;
 * {@link #hash} also gives the chunk hashes, from the same read pass.
 */
public final class FileHasher {
    static final int BUFFER_BYTES = 1 << 20;

    private FileHasher() {
    }

    /** The file's SHA-256 and, for a file of more than one chunk, each chunk's SHA-256. */
    public static FileHashes hash(Path file) throws IOException {
        ContentDigest digest = new ContentDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                digest.update(buffer.array(), 0, buffer.position());
            }
        }
        return digest.finish();
    }

    /** The file's SHA-256 alone, without the second digest {@link #hash} runs past the first chunk. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                digest.update(buffer.array(), 0, buffer.position());
            }
        }
        return hex(digest);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
