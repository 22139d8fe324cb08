package napster.peer.transfer;

import java.util.Optional;
import napster.peer.share.SharedEntry;

/**
 * Where the file server looks up what it may serve: content this peer shares, by SHA-256
 * only, never by a path a client names. {@code catalogue::find} fits.
 */
@FunctionalInterface
public interface ContentSource {
    Optional<SharedEntry> find(String sha256);
}
