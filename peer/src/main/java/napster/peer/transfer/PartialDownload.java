package napster.peer.transfer;

import java.nio.file.Path;
import napster.common.protocol.FileHit;

/**
 * What an interrupted download leaves for the next run, as its progress record tells: the
 * partial file and how many of the content's chunks arrived checked. For telling a person who
 * stopped {@code get} what was kept and how to go on.
 */
public record PartialDownload(Path partialFile, int chunksKept, int chunks, long bytesKept) {

    /** What a download of {@code hit} into {@code targetDir} has kept so far (nothing: zero chunks). */
    public static PartialDownload of(Path targetDir, FileHit hit) {
        Path partial = DownloadTarget.in(targetDir, hit).partialFile();
        return ProgressRecord.read(ProgressRecord.beside(partial))
                .filter(record -> record.sha256().equals(hit.sha256()))
                .map(record -> new PartialDownload(partial, record.done().cardinality(), record.hashes().count(),
                        record.done().stream().mapToLong(chunk -> record.hashes().length(chunk)).sum()))
                .orElse(new PartialDownload(partial, 0, 0, 0));
    }
}
