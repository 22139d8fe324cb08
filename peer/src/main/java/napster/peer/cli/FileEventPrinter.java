package napster.peer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import napster.common.protocol.FileHit;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Holder;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SharedFile;
import napster.common.query.NameMatch;
import napster.common.query.SearchQuery;

/**
 * Turns index events into lines about files matching a query, by the rules of search
 * ({@link NameMatch}: words matching the start of the name's words, phrases, exclusions, a
 * SHA-256): {@code + NAME (SIZE, SHA-256 HASH) on peer N at HOST:PORT} when one
 * appears, {@code - ...} when it leaves, and {@code - peer N left (REASON)} once when a peer
 * that held matching files leaves. With JSON, one document per line. Thread-safe.
 */
final class FileEventPrinter {
    private final PrintWriter out;
    private final SearchQuery query;
    private final boolean json;
    private final ObjectMapper mapper = ProtocolCodec.newMapper();
    private final Set<Integer> holders = ConcurrentHashMap.newKeySet();

    FileEventPrinter(PrintWriter out, SearchQuery query, boolean json) {
        this.out = out;
        this.query = query;
        this.json = json;
    }

    boolean matches(SharedFile file) {
        return NameMatch.matches(query, file.name(), file.sha256());
    }

    /** Remembers which peers already hold matching files (from a search at start), so their leaving is told. */
    void knownHolders(Iterable<FileHit> hits) {
        for (FileHit hit : hits) {
            for (Holder holder : hit.peers()) {
                if (matches(new SharedFile(holder.name(), hit.size(), hit.sha256()))) {
                    holders.add(holder.peerId());
                }
            }
        }
    }

    synchronized void accept(Message message) {
        if (message instanceof FilesChanged changed) {
            for (SharedFile file : changed.removed()) {
                if (matches(file)) {
                    file("-", "removed", file, changed);
                }
            }
            for (SharedFile file : changed.added()) {
                if (matches(file)) {
                    holders.add(changed.peerId());
                    file("+", "added", file, changed);
                }
            }
        } else if (message instanceof PeerChanged changed && PeerChanged.LEFT.equals(changed.change())
                && holders.remove(changed.peerId())) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("event", "peerLeft");
                doc.put("peerId", changed.peerId());
                doc.put("host", changed.host());
                doc.put("port", changed.port());
                doc.put("reason", changed.reason());
                print(doc);
            } else {
                out.println("- peer " + changed.peerId() + " left"
                        + (changed.reason() == null ? "" : " (" + DisplayText.of(changed.reason()) + ")"));
            }
        }
        out.flush();
    }

    private void file(String sign, String event, SharedFile file, FilesChanged changed) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("event", event);
            doc.put("name", file.name());
            doc.put("size", file.size());
            doc.put("sha256", file.sha256());
            doc.put("peerId", changed.peerId());
            doc.put("host", changed.host());
            doc.put("port", changed.port());
            print(doc);
        } else {
            out.printf("%s %s (%s, SHA-256 %s) on peer %d at %s:%d%n", sign, DisplayText.of(file.name()),
                    Sizes.format(file.size()), file.sha256(), changed.peerId(), DisplayText.of(changed.host()),
                    changed.port());
        }
    }

    private void print(Map<String, Object> doc) {
        try {
            out.println(mapper.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
