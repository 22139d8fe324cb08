package napster.peer.transfer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import napster.peer.share.SharedEntry;

/**
 * Opens a shared file only if it is still the file the catalogue hashed: a regular file (not a
 * symlink, which could lead outside the share, nor a FIFO, whose open would block), the same one
 * ({@link SharedEntry#isStill}), checked before and after opening, so a swap in between is caught.
 */
final class CataloguedFile {
    private CataloguedFile() {
    }

    /** The open file, or null when it changed on disk (or is gone) since it was catalogued. */
    static FileChannel openIfUnchanged(SharedEntry entry) {
        FileChannel file = null;
        try {
            BasicFileAttributes before = Files.readAttributes(entry.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!entry.isStill(before)) {
                return null;
            }
            /*
             * Java cannot open without blocking (no O_NONBLOCK), so a FIFO put in place exactly
             * between the check above and this open still blocks this thread; NOFOLLOW_LINKS makes
             * a symlink put there fail the open.
             */
            file = FileChannel.open(entry.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes after = Files.readAttributes(entry.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            // The same file key before and after the open: what was opened is what was checked
            // (unless swapped away and back within microseconds; the hash check on the client remains).
            if (entry.isStill(after) && Objects.equals(before.fileKey(), after.fileKey())
                    && file.size() == entry.size()) {
                return file;
            }
            file.close();
            return null;
        } catch (IOException e) {
            closeQuietly(file);
            return null;
        }
    }

    private static void closeQuietly(FileChannel file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }
}
