package napster.peer.transfer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import napster.common.protocol.FileHit;
import napster.peer.share.FileHasher;
import napster.peer.share.ShareCatalogue;

/**
 * Where a download lands in the target folder: under its own name, or, when a different file
 * already has that name, under the first free {@code name (1).ext}, {@code name (2).ext}, ...
 * An existing file is never overwritten.
 */
final class DownloadTarget {
    private static final int MAX_COPIES = 10_000;

    private final Path dir;
    private final FileHit hit;

    private DownloadTarget(Path dir, FileHit hit) {
        this.dir = dir;
        this.hit = hit;
    }

    /** The target in {@code dir}; nothing is created until {@link #createFolder}. */
    static DownloadTarget in(Path dir, FileHit hit) {
        return new DownloadTarget(dir, hit);
    }

    void createFolder() throws IOException {
        Files.createDirectories(dir);
    }

    /**
     * Fails, before anything is fetched or written, when the folder's file system has less
     * usable space than the download still needs: the size, less the chunks a resumable partial
     * file already holds by its record. When the space cannot be read, the writes will tell.
     */
    void ensureRoom() throws DownloadException {
        long needed = hit.size() - bytesAlreadyHere();
        long usable;
        try {
            usable = Files.getFileStore(nearestExisting(dir.toAbsolutePath())).getUsableSpace();
        } catch (IOException e) {
            return;
        }
        if (usable < needed) {
            throw new DownloadException("Not enough free space in " + dir + ": " + needed + " bytes needed, " + usable
                    + " bytes free.");
        }
    }

    /* What a partial file left by an earlier run holds, by its record; the resume checks those chunks again. */
    private long bytesAlreadyHere() {
        Path partial = partialFile();
        try {
            if (!Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS)) {
                return 0;
            }
            long partialSize = Files.size(partial);
            return ProgressRecord.read(ProgressRecord.beside(partial))
                    .filter(record -> record.sha256().equals(hit.sha256()) && record.size() == hit.size())
                    .map(record -> record.bytesWithin(partialSize)).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path nearestExisting(Path path) {
        Path existing = path;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /** A file already holding exactly this content under the name or one of its numbered variants. */
    Optional<Path> existingCopy() {
        for (int copy = 0; copy < MAX_COPIES; copy++) {
            Path candidate = candidate(copy);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (holdsContent(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Path partialFile() {
        return dir.resolve(hit.name() + ShareCatalogue.PARTIAL_SUFFIX);
    }

    /** Gives the verified partial file its final name, the first one still free. */
    Path publish(Path partial) throws IOException {
        for (int copy = 0; copy < MAX_COPIES; copy++) {
            Path candidate = candidate(copy);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                publishAs(partial, candidate);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // another process took this name a moment ago: try the next one
            }
        }
        throw new IOException("every name from " + candidate(0).getFileName() + " to "
                + candidate(MAX_COPIES - 1).getFileName() + " is taken");
    }

    /*
     * link(2) fails when the target exists, so the file appears complete and nothing is ever
     * replaced; rename(2), which ATOMIC_MOVE uses, would silently replace a file created meanwhile.
     */
    private static void publishAs(Path partial, Path target) throws IOException {
        try {
            Files.createLink(target, partial);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(partial, target); // no hard links on this filesystem: check, then rename
            return;
        }
        Files.delete(partial);
    }

    private boolean holdsContent(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == hit.size()
                    && FileHasher.sha256(file).equals(hit.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private Path candidate(int copy) {
        if (copy == 0) {
            return dir.resolve(hit.name());
        }
        String name = hit.name();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return dir.resolve(base + " (" + copy + ")" + extension);
    }
}
