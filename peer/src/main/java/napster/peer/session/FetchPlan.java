package napster.peer.session;

import java.util.List;
import java.util.stream.Collectors;
import napster.common.protocol.FileHit;
import napster.common.protocol.Fields;
import napster.common.protocol.Holder;
import napster.common.protocol.Search;

/**
 * What {@code get NAME|SHA256 [--from ID]} will fetch: one content and the holders to try,
 * chosen from a search result. Refuses with one sentence when nothing or more than one
 * content matches.
 */
public record FetchPlan(FileHit file, List<Holder> holders) {

    /** The search that finds candidates for {@code nameOrHash} (a SHA-256 in either case). */
    public static Search searchFor(String nameOrHash) {
        String hash = Fields.sha256AnyCase(nameOrHash);
        return hash != null ? Search.byHash(hash) : new Search(nameOrHash, null, Fields.MAX_SEARCH_LIMIT);
    }

    public static FetchPlan choose(String nameOrHash, Integer fromPeerId, List<FileHit> hits) throws NoSuchFileToFetch {
        String hash = Fields.sha256AnyCase(nameOrHash);
        boolean byHash = hash != null;
        List<FileHit> matching = hits.stream()
                .filter(hit -> byHash ? hit.sha256().equals(hash) : isNamed(hit, nameOrHash))
                .toList();
        String what = byHash ? "a file with SHA-256 " + hash : "a file named " + nameOrHash;
        if (matching.isEmpty()) {
            throw new NoSuchFileToFetch("No peer shares " + what + ".");
        }
        if (fromPeerId != null) {
            List<FileHit> held = matching.stream().filter(hit -> holder(hit, fromPeerId) != null).toList();
            if (held.isEmpty()) {
                throw new NoSuchFileToFetch("Peer " + fromPeerId + " does not share " + what + "; it is shared by peer "
                        + matching.stream().flatMap(hit -> hit.peers().stream()).map(h -> String.valueOf(h.peerId()))
                        .distinct().collect(Collectors.joining(", ")) + ".");
            }
            matching = held;
        }
        if (matching.size() > 1) {
            throw new NoSuchFileToFetch(matching.size() + " different files are named " + nameOrHash
                    + "; name the one you want by its SHA-256: "
                    + matching.stream().map(FileHit::sha256).collect(Collectors.joining(", ")) + ".");
        }
        FileHit hit = matching.get(0);
        String name = byHash ? hit.name() : nameOrHash;
        FileHit file = new FileHit(name, hit.size(), hit.sha256(), hit.peers());
        List<Holder> holders = fromPeerId == null ? hit.peers() : List.of(holder(hit, fromPeerId));
        return new FetchPlan(file, holders);
    }

    private static boolean isNamed(FileHit hit, String name) {
        return hit.name().equals(name) || hit.peers().stream().anyMatch(holder -> holder.name().equals(name));
    }

    private static Holder holder(FileHit hit, int peerId) {
        return hit.peers().stream().filter(h -> h.peerId() == peerId).findFirst().orElse(null);
    }

    /** Nothing (or nothing unambiguous) to fetch. */
    public static final class NoSuchFileToFetch extends Exception {
        public NoSuchFileToFetch(String message) {
            super(message);
        }
    }
}
