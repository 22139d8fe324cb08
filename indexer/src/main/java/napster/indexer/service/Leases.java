package napster.indexer.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import napster.common.protocol.Heartbeat;

/**
 * When each peer was last heard from and how often it promised to beat. A peer whose lease
 * ran out ({@code now > lastSeen + missedBeats × interval}) is expired; until a heartbeat
 * names its interval, a peer is assumed to beat every {@link Heartbeat#DEFAULT_INTERVAL_SECONDS}.
 * Thread-safe; the caller serialises changes to one peer.
 */
public final class Leases {
    public static final int DEFAULT_MISSED_BEATS = 3;

    private final int missedBeats;
    private final Map<Integer, Lease> byPeerId = new ConcurrentHashMap<>();

    private record Lease(Instant lastSeen, int intervalSeconds) {
        boolean expiredAt(Instant now, int missedBeats) {
            return now.isAfter(lastSeen.plus(Duration.ofSeconds((long) intervalSeconds * missedBeats)));
        }
    }

    Leases(int missedBeats) {
        if (missedBeats < 1) {
            throw new IllegalArgumentException("missedBeats must be at least 1");
        }
        this.missedBeats = missedBeats;
    }

    /** The peer was heard from (register, update): its interval stays as it was. */
    void seen(int peerId, Instant now) {
        byPeerId.merge(peerId, new Lease(now, Heartbeat.DEFAULT_INTERVAL_SECONDS),
                (old, fresh) -> new Lease(now, old.intervalSeconds()));
    }

    /** The peer beat and says it beats every {@code intervalSeconds} from now on. */
    void beat(int peerId, int intervalSeconds, Instant now) {
        byPeerId.put(peerId, new Lease(now, intervalSeconds));
    }

    void forget(int peerId) {
        byPeerId.remove(peerId);
    }

    Optional<Instant> lastSeen(int peerId) {
        return Optional.ofNullable(byPeerId.get(peerId)).map(Lease::lastSeen);
    }

    /** The peers whose lease ran out by {@code now}, in ascending id order; they stay listed until forgotten. */
    List<Integer> expired(Instant now) {
        return byPeerId.entrySet().stream()
                .filter(entry -> entry.getValue().expiredAt(now, missedBeats))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
