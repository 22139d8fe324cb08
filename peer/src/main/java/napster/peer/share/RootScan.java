package napster.peer.share;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import napster.common.protocol.Fields;

/**
 * Walks one share root (by its real path, without following links) and hashes every file
 * that may be shared; everything left out for a reason the user should hear of is noted.
 */
final class RootScan implements FileVisitor<Path> {
    private final Path root;
    private final HashCache hashes;
    private final Path excludedDir;
    private final List<SharedEntry> entries = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private RootScan(Path realRoot, HashCache hashes, Path excludedDir) {
        this.root = realRoot;
        this.hashes = hashes;
        this.excludedDir = excludedDir;
    }

    /** {@code excludedDir} (the hash cache's own folder, when it lies inside the root) is left out. */
    static RootScan walk(Path realRoot, HashCache hashes, Path excludedDir) throws IOException {
        RootScan scan = new RootScan(realRoot, hashes, excludedDir);
        Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, scan);
        return scan;
    }

    List<SharedEntry> entries() {
        return entries;
    }

    List<String> skipped() {
        return skipped;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return dir.equals(excludedDir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (ShareCatalogue.isDownloadScratch(file.getFileName().toString())) {
            return FileVisitResult.CONTINUE; // our own downloads in progress
        }
        if (attrs.isSymbolicLink()) {
            visitLink(file);
        } else if (attrs.isRegularFile()) {
            share(file.getFileName().toString(), file, attrs);
        } else {
            skip(file, "not a regular file");
        }
        return FileVisitResult.CONTINUE;
    }

    private void visitLink(Path link) {
        Path target;
        BasicFileAttributes attrs;
        try {
            target = link.toRealPath();
            attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            skip(link, "broken symlink");
            return;
        }
        if (!target.startsWith(root)) {
            skip(link, "symlink leads outside the shared folder");
        } else if (attrs.isRegularFile()) {
            share(link.getFileName().toString(), target, attrs);
        }
        // a link to a folder inside the root adds nothing: that folder is walked anyway
    }

    private void share(String name, Path realFile, BasicFileAttributes attrs) {
        try {
            Fields.fileName("name", name);
        } catch (IllegalArgumentException e) {
            skip(realFile, "the name cannot be shared (" + e.getMessage() + ")");
            return;
        }
        try {
            FileHashes fileHashes = hashes.hashes(realFile, attrs.size(), attrs.lastModifiedTime());
            // the identity seen before hashing: a file put in its place meanwhile does not match it, so is not served
            entries.add(new SharedEntry(realFile, name, attrs, fileHashes));
        } catch (IOException e) {
            skip(realFile, "cannot read it (" + reason(e) + ")");
        }
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        skip(file, "cannot open it (" + reason(e) + ")");
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null) {
            skip(dir, "cannot list the whole folder (" + reason(e) + ")");
        }
        return FileVisitResult.CONTINUE;
    }

    private void skip(Path path, String why) {
        skipped.add("Skipped " + path + ": " + why + ".");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared";
        }
        if (e instanceof FileSystemLoopException) {
            return "symlink loop";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
