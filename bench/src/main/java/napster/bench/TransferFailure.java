package napster.bench;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why the transfer benchmark could not finish, as one sentence for the user (no stack trace). */
final class TransferFailure extends Exception {
    TransferFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    TransferFailure(String sentence) {
        super(sentence);
    }

    /** "{@code what}: {@code why}." from an IOException whose message may or may not end a sentence already. */
    static TransferFailure of(String what, IOException e) {
        String why = reason(e);
        while (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        return new TransferFailure(what + ": " + why + ".", e);
    }

    /* File-system exceptions carry the path as their message (already named by {@code what}) and the why apart. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            if (fileSystem.getReason() != null) {
                return fileSystem.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "a file of that name is in the way";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
