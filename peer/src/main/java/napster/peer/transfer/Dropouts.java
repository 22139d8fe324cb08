package napster.peer.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;

/**
 * The holders a download had to do without, and why: each is told to the person at once (one
 * line) and listed in the result; when nobody is left, they make the one-sentence failure.
 * Thread-safe: workers report from their own threads.
 */
final class Dropouts {
    private final Consumer<String> log;
    private final List<DroppedHolder> dropped = new ArrayList<>();
    private boolean corrupt;

    Dropouts(Consumer<String> log) {
        this.log = log;
    }

    /** A holder that could not be used at all (refused, busy, not sharing, bad answer). */
    synchronized void drop(Holder holder, String reason) {
        dropped.add(new DroppedHolder(holder, reason));
        log.accept(who(holder) + " cannot help (" + reason + ").");
    }

    /** A holder whose chunk hashes proved false; the whole file did not match them. */
    synchronized void dropLiar(Holder holder) {
        corrupt = true;
        dropped.add(new DroppedHolder(holder, "its chunk hashes do not add up to the file's SHA-256"));
        log.accept(who(holder) + " gave chunk hashes that do not add up to the file's SHA-256; dropped it.");
    }

    /** A worker stopped: tells about holders that failed or sent bad bytes. */
    synchronized void stopped(HolderWorker worker) {
        Holder holder = worker.holder();
        switch (worker.outcome()) {
            case CORRUPT -> {
                corrupt = true;
                dropped.add(new DroppedHolder(holder, worker.reason()));
                log.accept(who(holder) + " " + worker.reason() + "; dropped it, its chunks come from the others.");
            }
            case FAILED -> {
                dropped.add(new DroppedHolder(holder, worker.reason()));
                log.accept(who(holder) + " stopped serving this file (" + worker.reason() + ")"
                        + (worker.chunksDelivered() > 0 ? " after " + worker.chunksDelivered() + " chunks" : "") + ".");
            }
            default -> { }
        }
    }

    synchronized void note(String line) {
        log.accept(line);
    }

    synchronized List<DroppedHolder> dropped() {
        return List.copyOf(dropped);
    }

    /** The one sentence for a download nobody could finish; says what stays on disk for the next try. */
    synchronized DownloadException giveUp(FileHit hit, Path partial) {
        if (dropped.isEmpty()) {
            return new DownloadException("No peer holds " + hit.name() + " right now.");
        }
        String reasons = dropped.stream()
                .map(d -> "peer " + d.holder().peerId() + " (" + d.reason() + ")")
                .collect(Collectors.joining(", "));
        return new DownloadException((corrupt ? "Integrity error: no holder could deliver " + hit.name() + " intact: "
                : "No holder could deliver " + hit.name() + ": ") + reasons + "." + keptFor(partial));
    }

    /** What a failed run leaves for the next one, said to the person ("" when nothing is kept). */
    static String keptFor(Path partial) {
        return Files.exists(ProgressRecord.beside(partial))
                ? " What arrived intact is kept in " + partial + "; run get again to resume." : "";
    }

    private static String who(Holder holder) {
        return "Peer " + holder.peerId() + " at " + holder.host() + ":" + holder.port();
    }
}
