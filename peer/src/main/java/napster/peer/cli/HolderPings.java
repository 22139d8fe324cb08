package napster.peer.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.peer.transfer.Downloader;

/** Pings every holder in a search result at once ({@code search --ping}): the round trip to each transfer port. */
final class HolderPings {
    /** A holder's transfer address: one ping per address, however many files it holds. */
    record Address(String host, int port) {
        static Address of(Holder holder) {
            return new Address(holder.host(), holder.port());
        }
    }

    private HolderPings() {
    }

    /** Each address's round trip, or empty where the holder did not answer. */
    static Map<Address, Duration> ping(List<FileHit> hits, Downloader downloader) {
        Map<Address, Holder> holders = new LinkedHashMap<>();
        for (FileHit hit : hits) {
            for (Holder holder : hit.peers()) {
                holders.putIfAbsent(Address.of(holder), holder);
            }
        }
        Map<Address, CompletableFuture<Duration>> pending = new LinkedHashMap<>();
        ExecutorService pingers = Executors.newFixedThreadPool(Math.max(1, Math.min(holders.size(), 32)));
        try {
            holders.forEach((address, holder) -> pending.put(address, CompletableFuture.supplyAsync(() -> {
                try {
                    return downloader.ping(holder);
                } catch (IOException e) {
                    return null;
                }
            }, pingers)));
            Map<Address, Duration> times = new LinkedHashMap<>();
            pending.forEach((address, ping) -> times.put(address, ping.join()));
            return times;
        } finally {
            pingers.shutdownNow();
        }
    }

    /** "0.42 ms", or "no answer". */
    static String format(Duration time) {
        return time == null ? "no answer" : String.format(Locale.ROOT, "%.2f ms", time.toNanos() / 1e6);
    }
}
