package napster.bench;

import java.util.List;
import napster.common.protocol.Ack;
import napster.common.protocol.Message;
import napster.common.protocol.Register;
import napster.common.protocol.SharedFile;
import napster.common.protocol.Update;
import napster.indexer.service.IndexService;

/**
 * Fills an index in this process with a synthetic library as registrations reach it (per
 * simulated peer a register, then updates of {@link #BATCH} files), with no broker in
 * between: for the benchmarks of the index alone ({@code bench index}, {@code bench memory}).
 */
final class DirectRegistration {
    static final int BATCH = 1_000;

    private DirectRegistration() {
    }

    /** Registers {@code files} files over {@code peers} peers; returns the nanoseconds the index took (making the batches excluded). */
    static long register(IndexService service, SyntheticLibrary library, long files, int peers) {
        long nanos = 0;
        for (int p = 0; p < peers; p++) {
            nanos += register(service, p, files * p / peers, files * (p + 1) / peers, library);
        }
        return nanos;
    }

    private static long register(IndexService service, int peer, long from, long to, SyntheticLibrary library) {
        String key = LibraryRegistrar.peerKey(peer);
        long nanos = 0;
        for (long start = from; start < to; start += BATCH) {
            List<SharedFile> batch = library.files(start, Math.min(to, start + BATCH));
            Message request = start == from
                    ? new Register(key, "127.0.0.1", LibraryRegistrar.peerPort(peer), batch)
                    : new Update(key, batch, List.of());
            long began = System.nanoTime();
            Message reply = service.handle(request, "peer");
            nanos += System.nanoTime() - began;
            if (!(reply instanceof Ack)) {
                throw new IllegalStateException("The index refused a batch: " + reply + ".");
            }
        }
        return nanos;
    }
}
