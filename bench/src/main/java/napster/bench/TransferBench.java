package napster.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.peer.share.ShareCatalogue;
import napster.peer.share.SharedEntry;
import napster.peer.transfer.DownloadException;
import napster.peer.transfer.DownloadResult;
import napster.peer.transfer.Downloader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench transfer}: one file downloaded with napster's real code, from one holder and from
 * all holders at once, next to a raw socket copy of the same file on loopback, in the same run,
 * so the gap shows what the protocol, the chunk checks and the whole-file SHA-256 cost. Each run
 * does the raw copy, the single-source download (holder 1) and the multi-source one, starting
 * with another case each run (the disk is still busy with what ran just before), each into a
 * fresh file that is compared with the source and deleted at once.
 *
 * <p>{@code --json} prints one document with these fields (stable; MB is 10^6 bytes):
 * <pre>
 * sizeBytes            size of the file, bytes
 * runs                 runs of each case
 * holders              file servers in the multi-source case (the single-source case uses the first)
 * capBytesPerSecond    upload cap of every holder, bytes per second; 0 for none
 * hashingMBps          how fast the share scan hashed the file (whole SHA-256 and chunk hashes)
 * raw, single, multi   {bestSeconds, medianSeconds, bestMBps, medianMBps, seconds: [each run, in order]}
 * singleToRaw, multiToRaw  {best, median}: the case's time over the raw copy's (best by best, median by median)
 * </pre>
 * {@code --plot} is accepted but draws nothing: transfer has no plots.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Times a download with napster's real code from one holder and from several at once,",
                "next to a raw socket copy of the same file on loopback, all on this machine."})
public final class TransferBench implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int BLOCK_BYTES = 1 << 20;
    private static final int MAX_HOLDERS = 100;
    /* Besides the file and one copy of it: the hash cache, a progress record, the file system's own needs. */
    private static final long SPACE_MARGIN = 64L << 20;
    private static final String FILE_NAME = "transfer-bench.bin";

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "1073741824",
            description = "Size of the file, in bytes (default: ${DEFAULT-VALUE}, 1 GiB).")
    long size;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Runs of each case; best and median are reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--holders", paramLabel = "N", defaultValue = "3",
            description = "Holders the multi-source download fetches from at once (default: ${DEFAULT-VALUE}).")
    int holders;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder to make the scratch folder in (default: the system temp folder); it is deleted at the end.")
    Path dir;

    @Option(names = "--cap", paramLabel = "BYTES_PER_SECOND", defaultValue = "0",
            description = "Upload cap of each holder, so the speed-up of many sources shows (default: 0, no cap).")
    long cap;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.plotDir != null) {
            OutputOptions.progress(err, "transfer draws no plots; --plot is ignored.");
        }
        TransferReport report;
        try {
            report = measure(err);
        } catch (TransferFailure e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        output.print(out, report, report.table());
        return 0;
    }

    private void validate() {
        CommandLine commandLine = spec.commandLine();
        if (size < 1) {
            throw new ParameterException(commandLine, "--size must be at least 1 byte, not " + size + ".");
        }
        if (runs < 1) {
            throw new ParameterException(commandLine, "--runs must be at least 1, not " + runs + ".");
        }
        if (holders < 1 || holders > MAX_HOLDERS) {
            throw new ParameterException(commandLine, "--holders must be between 1 and " + MAX_HOLDERS + ", not "
                    + holders + ".");
        }
        if (cap < 0) {
            throw new ParameterException(commandLine, "--cap must be 0 (no cap) or a number of bytes per second, not "
                    + cap + ".");
        }
    }

    private TransferReport measure(PrintWriter err) throws TransferFailure {
        try (TransferScratch scratch = TransferScratch.create(dir)) {
            requireSpace(scratch.dir());
            Path share = scratch.resolve("share");
            Path source = share.resolve(FILE_NAME);
            OutputOptions.progress(err, String.format(Locale.ROOT, "Writing %d random bytes to %s ...", size, source));
            writeSource(source, size);
            long began = System.nanoTime();
            ShareCatalogue catalogue = scan(share, scratch.resolve("hash-cache"));
            SharedEntry entry = catalogue.entries().get(0);
            double hashingMBps = size / 1e6 / seconds(System.nanoTime() - began);
            OutputOptions.progress(err, String.format(Locale.ROOT, "Hashed it at %.0f MB/s.", hashingMBps));
            try (TransferHolders servers = startHolders(catalogue)) {
                List<Holder> all = servers.holders(FILE_NAME);
                FileHit hit = new FileHit(FILE_NAME, size, entry.sha256(), all);
                OutputOptions.progress(err, "Holders on 127.0.0.1 ports " + servers.ports() + ".");
                Downloader downloader = new Downloader(CONNECT_TIMEOUT, READ_TIMEOUT);
                List<Double> raw = new ArrayList<>();
                List<Double> single = new ArrayList<>();
                List<Double> multi = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    // each run starts with another case, so no case always pays for what ran just before it
                    for (int turn = 0; turn < 3; turn++) {
                        switch ((run - 1 + turn) % 3) {
                            case 0 -> raw.add(rawCopy(source, scratch.resolve("raw-" + run + ".bin"), run, err));
                            case 1 -> single.add(download("single", downloader, hit, all.subList(0, 1), source,
                                    scratch.resolve("single-" + run), run, err));
                            default -> multi.add(download("multi", downloader, hit, all, source,
                                    scratch.resolve("multi-" + run), run, err));
                        }
                    }
                }
                return TransferReport.of(size, runs, holders, cap, hashingMBps, TransferTimes.of(raw, size),
                        TransferTimes.of(single, size), TransferTimes.of(multi, size));
            }
        }
    }

    /* The file and one copy of it at a time: each copy is deleted once checked. */
    private void requireSpace(Path scratch) throws TransferFailure {
        long free;
        try {
            free = Files.getFileStore(scratch).getUsableSpace();
        } catch (IOException e) {
            throw TransferFailure.of("Cannot tell how much space is free in " + scratch, e);
        }
        if (size > (free - SPACE_MARGIN) / 2) {
            throw new TransferFailure(String.format(Locale.ROOT, "%s has %d MB free but the benchmark needs about %.0f MB"
                            + " (the file and one copy of it); name another folder with --dir or choose a smaller --size.",
                    scratch.getParent(), free / 1_000_000, (2 * (double) size + SPACE_MARGIN) / 1e6));
        }
    }

    /* Random bytes in 1 MiB blocks, forced to disk so that no write-back of it runs during the timed runs. */
    private static void writeSource(Path file, long size) throws TransferFailure {
        SplittableRandom random = new SplittableRandom();
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long written = 0; written < size; ) {
                    block.clear();
                    while (block.hasRemaining()) {
                        block.putLong(random.nextLong());
                    }
                    block.flip().limit((int) Math.min(BLOCK_BYTES, size - written));
                    while (block.hasRemaining()) {
                        written += out.write(block);
                    }
                }
                out.force(true);
            }
        } catch (IOException e) {
            throw TransferFailure.of("Cannot write the file to transfer, " + file, e);
        }
    }

    private static ShareCatalogue scan(Path share, Path cacheDir) throws TransferFailure {
        ShareCatalogue catalogue;
        try {
            catalogue = ShareCatalogue.scan(List.of(share), cacheDir);
        } catch (IOException e) {
            throw TransferFailure.of("Cannot hash the file to transfer", e);
        }
        if (catalogue.size() != 1) {
            throw new TransferFailure("The share scan of " + share + " found " + catalogue.size()
                    + " files instead of the one written there.");
        }
        return catalogue;
    }

    private TransferHolders startHolders(ShareCatalogue catalogue) throws TransferFailure {
        try {
            return TransferHolders.start(holders, catalogue, cap);
        } catch (IOException e) {
            throw TransferFailure.of("Cannot start the holders' file servers", e);
        }
    }

    private double rawCopy(Path source, Path target, int run, PrintWriter err) throws TransferFailure {
        Duration elapsed;
        try {
            elapsed = RawCopy.copy(source, target);
        } catch (IOException e) {
            throw TransferFailure.of("The raw socket copy of run " + run + " failed", e);
        }
        check(source, target, "raw socket copy", run);
        delete(target);
        return reported(err, run, "raw", seconds(elapsed.toNanos()), "");
    }

    private double download(String label, Downloader downloader, FileHit hit, List<Holder> from, Path source,
                            Path targetDir, int run, PrintWriter err) throws TransferFailure {
        long began = System.nanoTime();
        DownloadResult result;
        try {
            result = downloader.download(hit, from, targetDir, line -> OutputOptions.progress(err, "  " + line));
        } catch (DownloadException e) {
            throw new TransferFailure(e.getMessage(), e); // already one sentence naming the file
        }
        double seconds = seconds(System.nanoTime() - began);
        check(source, result.path(), label + "-source download", run);
        delete(targetDir);
        int delivered = result.peers().size();
        return reported(err, run, label, seconds, from.size() == 1 ? ""
                : " (chunks from " + delivered + " of " + from.size() + " holders)");
    }

    private double reported(PrintWriter err, int run, String label, double seconds, String note) {
        OutputOptions.progress(err, String.format(Locale.ROOT, "run %d/%d %-7s %8.3f s %9.1f MB/s%s", run, runs,
                label + ":", seconds, size / 1e6 / seconds, note));
        return seconds;
    }

    private static void check(Path source, Path copy, String what, int run) throws TransferFailure {
        long mismatch;
        try {
            mismatch = Files.mismatch(source, copy);
        } catch (IOException e) {
            throw TransferFailure.of("Cannot compare the " + what + " of run " + run + " with the source", e);
        }
        if (mismatch != -1) {
            throw new TransferFailure("The " + what + " of run " + run + " differs from the source from byte "
                    + mismatch + " on.");
        }
    }

    private static void delete(Path path) throws TransferFailure {
        try {
            TransferScratch.delete(path);
        } catch (IOException e) {
            throw TransferFailure.of("Cannot delete " + path, e);
        }
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}
