package napster.indexer;

import static napster.indexer.Files.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.SharedFile;
import org.junit.jupiter.api.Test;

/**
 * Random registers, updates, removals and departures, after each of which every search
 * must return what a plain reading of the rules gives: each name lower-cased (root locale)
 * and compared with the query lower-cased, every file looked at.
 */
class FileIndexModelTest {
    private static final String[] WORDS = {"Kabori", "tesu", "MALO", "venika", "Bo", "ka", "Straße", "ÄRGER",
        "ΟΔΥΣΣΕΥΣ", "İstanbul", "\u212Aelvin", "kelvin", "日本語", "7", "42", "mp3"};
    private static final String[] SEPARATORS = {" ", " - ", "_", ".", "-", "", " (", ") "};

    private final Random random = new Random(20_261_120);
    private final FileIndex index = new FileIndex();
    // the model: peer id -> its files, each with when it was first shared
    private final Map<Integer, Map<SharedFile, Instant>> shares = new TreeMap<>();
    private Instant now = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void search_afterRandomChanges_isWhatScanningEveryFileGives() {
        for (int step = 0; step < 400; step++) {
            now = now.plusSeconds(1);
            change();
            for (int q = 0; q < 5; q++) {
                String query = query();
                int limit = 1 + random.nextInt(12);
                assertThat(index.search(query, limit)).as("step %d, query '%s', limit %d", step, query, limit)
                        .isEqualTo(expected(query, limit));
            }
            String sha = sha(random.nextInt(60));
            assertThat(index.searchBySha256(sha)).as("step %d, sha %s", step, sha).isEqualTo(expectedBySha(sha));
        }
        long files = shares.values().stream().mapToLong(Map::size).sum();
        assertThat(index.stats().files()).isEqualTo(files);
    }

    private void change() {
        int peerId = 1 + random.nextInt(8);
        Map<SharedFile, Instant> share = shares.get(peerId);
        int kind = random.nextInt(10);
        if (share == null || kind < 3) {
            List<SharedFile> files = files(random.nextInt(40));
            index.register(Files.peer(peerId), files, now);
            Map<SharedFile, Instant> fresh = new LinkedHashMap<>();
            for (SharedFile file : files) {
                fresh.putIfAbsent(file, share != null && share.containsKey(file) ? share.get(file) : now);
            }
            shares.put(peerId, fresh);
        } else if (kind < 7) {
            List<SharedFile> removed = new ArrayList<>(share.keySet().stream().filter(file -> random.nextInt(3) == 0)
                    .toList());
            removed.addAll(files(2));
            List<SharedFile> added = files(random.nextInt(20));
            index.update(peerId, added, removed, now);
            removed.forEach(share::remove);
            added.forEach(file -> share.putIfAbsent(file, now));
        } else if (kind < 9) {
            assertThat(index.removePeer(peerId)).isTrue();
            shares.remove(peerId);
        } else {
            List<SharedFile> removed = share.keySet().stream().filter(file -> random.nextBoolean()).toList();
            index.remove(peerId, removed);
            removed.forEach(share::remove);
        }
    }

    private List<SharedFile> files(int count) {
        List<SharedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int content = random.nextInt(60);
            files.add(new SharedFile(name(), 1_000 + content, sha(content)));
        }
        return files;
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int words = 1 + random.nextInt(3);
        for (int i = 0; i < words; i++) {
            name.append(recase(WORDS[random.nextInt(WORDS.length)]));
            name.append(i + 1 < words ? SEPARATORS[random.nextInt(SEPARATORS.length)] : random.nextBoolean() ? ".mp3" : "");
        }
        return name.toString();
    }

    private String recase(String word) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toUpperCase(java.util.Locale.ROOT);
            case 1 -> word.toLowerCase(java.util.Locale.ROOT);
            default -> word;
        };
    }

    /** Pieces of shared names in any case, whole names, words, and queries without letters or digits. */
    private String query() {
        List<SharedFile> all = shares.values().stream().flatMap(share -> share.keySet().stream()).toList();
        int kind = random.nextInt(6);
        if (all.isEmpty() || kind == 0) {
            return kind == 0 && random.nextBoolean() ? SEPARATORS[1 + random.nextInt(4)] : recase(name());
        }
        String name = all.get(random.nextInt(all.size())).name();
        if (kind == 1) {
            return name;
        }
        int from = random.nextInt(name.length());
        int to = from + 1 + random.nextInt(name.length() - from);
        String piece = name.substring(from, to);
        return kind == 2 ? piece : recase(piece);
    }

    private record Ranked(int rank, int peers, int peerId, String name, long size, String sha256) {
    }

    private List<FileHit> expected(String query, int limit) {
        String lowerQuery = NameMatch.lower(query);
        if (lowerQuery.isEmpty()) {
            return List.of();
        }
        Map<String, List<Ranked>> byContent = new TreeMap<>();
        shares.forEach((peerId, share) -> share.keySet().forEach(file -> {
            int rank = rank(file.name(), query);
            byContent.computeIfAbsent(file.sha256(), sha -> new ArrayList<>())
                    .add(new Ranked(rank, 0, peerId, file.name(), file.size(), file.sha256()));
        }));
        List<Ranked> best = new ArrayList<>();
        byContent.forEach((sha, postings) -> {
            postings.sort(Comparator.comparingInt(Ranked::peerId).thenComparing(Ranked::name));
            Ranked top = postings.stream().min(Comparator.comparingInt(Ranked::rank)).orElseThrow();
            if (top.rank() < NameMatch.NONE) {
                int peers = (int) postings.stream().mapToInt(Ranked::peerId).distinct().count();
                best.add(new Ranked(top.rank(), peers, top.peerId(), top.name(), top.size(), sha));
            }
        });
        best.sort(Comparator.comparingInt(Ranked::rank).thenComparing(Comparator.comparingInt(Ranked::peers).reversed())
                .thenComparing(Ranked::name).thenComparing(Ranked::sha256));
        return best.stream().limit(limit).map(ranked -> hit(ranked, query)).toList();
    }

    private Optional<FileHit> expectedBySha(String sha) {
        for (Map.Entry<Integer, Map<SharedFile, Instant>> share : shares.entrySet()) {
            Optional<SharedFile> display = share.getValue().keySet().stream().filter(file -> file.sha256().equals(sha))
                    .min(Comparator.comparing(SharedFile::name));
            if (display.isPresent()) {
                Ranked ranked = new Ranked(NameMatch.EXACT, 0, share.getKey(), display.get().name(),
                        display.get().size(), sha);
                return Optional.of(hit(ranked, null));
            }
        }
        return Optional.empty();
    }

    /** The hit as the rules give it; query null: by SHA-256, every name matches. */
    private FileHit hit(Ranked ranked, String query) {
        List<Holder> holders = new ArrayList<>();
        shares.forEach((peerId, share) -> share.entrySet().stream()
                .filter(file -> file.getKey().sha256().equals(ranked.sha256()))
                .min(Comparator.<Map.Entry<SharedFile, Instant>>comparingInt(
                                file -> query == null ? 0 : rank(file.getKey().name(), query))
                        .thenComparing(file -> file.getKey().name()))
                .ifPresent(file -> holders.add(new Holder(peerId, "10.0.0." + peerId, 4_000 + peerId, file.getValue(),
                        file.getKey().name()))));
        return new FileHit(ranked.name(), ranked.size(), ranked.sha256(), holders);
    }

    private static int rank(String name, String query) {
        if (name.equals(query)) {
            return NameMatch.EXACT;
        }
        String lowerName = NameMatch.lower(name);
        String lowerQuery = NameMatch.lower(query);
        if (lowerName.equals(lowerQuery)) {
            return NameMatch.IGNORING_CASE;
        }
        return lowerName.contains(lowerQuery) ? NameMatch.SUBSTRING : NameMatch.NONE;
    }
}
