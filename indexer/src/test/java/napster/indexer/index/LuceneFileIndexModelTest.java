package napster.indexer.index;

import static napster.indexer.index.IndexFixture.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.SharedFile;
import napster.common.query.BadQueryException;
import napster.common.query.Filters;
import napster.common.query.NameMatch;
import napster.common.query.QueryParser;
import napster.common.query.SearchQuery;
import napster.common.query.Term;
import napster.common.query.WordSplitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Random registrations, updates and departures, after each of which searches (words, prefixes,
 * phrases, exclusions, a SHA-256, filters) and browse pages must give what a plain reading of
 * the rules gives, every file looked at: the oracle below, written from PROTOCOL.md, not from
 * the index (which names match is {@link NameMatch}'s, one name at a time, as {@code watch}
 * uses it; NameMatchTest holds it to PROTOCOL.md's examples).
 */
class LuceneFileIndexModelTest {
    private static final String[] WORDS = {"Kabori", "tesu", "MALO", "venika", "Bo", "ka", "Straße", "Ärger",
        "ärger", "Beyoncé", "beyonce", "7", "42", "mp3", "live", "let", "it", "be"};
    private static final String[] SEPARATORS = {" ", " - ", "_", ".", "-", " (", ") "};
    private static final String[] EXTENSIONS = {".mp3", ".MP3", ".flac", ".txt", ""};

    private final Random random = new Random(20_261_205);
    private final IndexFixture fixture = new IndexFixture();
    // the model: peer id -> its files, each with when it was first shared
    private final Map<Integer, Map<SharedFile, Instant>> shares = new TreeMap<>();
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void searchesAndBrowsing_afterRandomChanges_areWhatScanningEveryFileGives() {
        int searched = 0;
        for (int step = 0; step < 300; step++) {
            now = now.plusSeconds(1);
            change();
            for (int q = 0; q < 6; q++) {
                String typed = query();
                SearchQuery query;
                try {
                    query = QueryParser.parse(typed);
                } catch (BadQueryException e) {
                    continue; // only exclusions or no word: the parser's business
                }
                Filters filters = filters();
                int limit = 1 + random.nextInt(12);
                assertThat(fixture.search(typed, filters, limit).results())
                        .as("step %d, query '%s', %s, limit %d", step, typed, filters, limit)
                        .isEqualTo(expected(query, filters, limit));
                searched++;
            }
            String sha = sha(random.nextInt(40));
            assertThat(fixture.searchSha(sha).results()).as("step %d, sha %s", step, sha)
                    .isEqualTo(expected(new SearchQuery(List.of(), java.util.Optional.of(sha), sha), Filters.NONE,
                            100));
            if (step % 10 == 0 && !shares.isEmpty()) {
                browseEveryPage(shares.keySet().stream().toList().get(random.nextInt(shares.size())));
            }
        }
        assertThat(searched).isGreaterThan(1_000);
        assertThat(fixture.index.files()).isEqualTo(shares.values().stream().mapToLong(Map::size).sum());
    }

    private void change() {
        int peerId = 1 + random.nextInt(6);
        Map<SharedFile, Instant> share = shares.get(peerId);
        int kind = random.nextInt(10);
        if (share == null || kind < 3) {
            List<SharedFile> files = files(random.nextInt(30));
            fixture.share(peerId, now, files.toArray(SharedFile[]::new));
            Map<SharedFile, Instant> fresh = new LinkedHashMap<>();
            for (SharedFile file : files) {
                fresh.putIfAbsent(file, share != null && share.containsKey(file) ? share.get(file) : now);
            }
            shares.put(peerId, fresh);
        } else if (kind < 8) {
            List<SharedFile> removed = new ArrayList<>(share.keySet().stream().filter(file -> random.nextInt(3) == 0)
                    .toList());
            removed.addAll(files(2));
            List<SharedFile> added = files(random.nextInt(15));
            fixture.index.update(peerId, added, removed, now);
            removed.forEach(share::remove);
            added.forEach(file -> share.putIfAbsent(file, now));
        } else {
            fixture.forget(peerId);
            shares.remove(peerId);
        }
    }

    private List<SharedFile> files(int count) {
        List<SharedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int content = random.nextInt(40);
            files.add(new SharedFile(name(), 1_000 + content * 100, sha(content)));
        }
        return files;
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int words = 1 + random.nextInt(4);
        for (int i = 0; i < words; i++) {
            name.append(WORDS[random.nextInt(WORDS.length)]);
            if (i + 1 < words) {
                name.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
        }
        return name.append(EXTENSIONS[random.nextInt(EXTENSIONS.length)]).toString();
    }

    /** Words and prefixes of shared names in any case, phrases, exclusions, whole names. */
    private String query() {
        List<SharedFile> all = shares.values().stream().flatMap(share -> share.keySet().stream()).toList();
        if (all.isEmpty() || random.nextInt(8) == 0) {
            return name();
        }
        String name = all.get(random.nextInt(all.size())).name();
        if (random.nextInt(6) == 0) {
            return name;
        }
        List<String> words = WordSplitter.words(name);
        StringBuilder typed = new StringBuilder();
        int terms = 1 + random.nextInt(2);
        for (int t = 0; t < terms; t++) {
            int at = random.nextInt(words.size());
            String word = words.get(at);
            switch (random.nextInt(4)) {
                case 0 -> typed.append(word.substring(0, 1 + random.nextInt(word.length())));
                case 1 -> typed.append('"').append(String.join(" ",
                        words.subList(at, Math.min(words.size(), at + 2)))).append('"');
                default -> typed.append(random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word);
            }
            typed.append(' ');
        }
        if (random.nextInt(3) == 0) {
            typed.append('-').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return typed.toString();
    }

    private Filters filters() {
        return switch (random.nextInt(5)) {
            case 0 -> new Filters(Set.of("mp3"), null, null);
            case 1 -> new Filters(Set.of("flac", "txt"), 1_500L, null);
            case 2 -> new Filters(null, 1_000L + 100 * random.nextInt(20), 1_000L + 100 * (20 + random.nextInt(20)));
            default -> Filters.NONE;
        };
    }

    // ---- the oracle ----

    private record File(int peerId, SharedFile file, Instant sharedAt, int rank) {
    }

    private List<FileHit> expected(SearchQuery query, Filters filters, int limit) {
        Map<String, List<File>> matchingByContent = new TreeMap<>();
        shares.forEach((peerId, share) -> share.forEach((file, at) -> {
            if (matches(file, query, filters)) {
                matchingByContent.computeIfAbsent(file.sha256(), sha -> new ArrayList<>())
                        .add(new File(peerId, file, at, rank(file.name(), query)));
            }
        }));
        record Hit(File display, int rank, int holders, String sha) {
        }
        List<Hit> hits = new ArrayList<>();
        matchingByContent.forEach((sha, files) -> {
            File display = files.stream().min(Comparator.comparingInt(File::rank).thenComparingInt(File::peerId)
                    .thenComparing((a, b) -> compareOrder(a.file(), b.file()))).orElseThrow();
            hits.add(new Hit(display, display.rank(), holders(sha).size(), sha));
        });
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(Comparator.comparingInt(Hit::holders).reversed())
                .thenComparing((a, b) -> compareOrder(a.display().file(), b.display().file())));
        return hits.stream().limit(limit).map(hit -> new FileHit(hit.display().file().name(),
                hit.display().file().size(), hit.sha(), holderList(hit.sha(), matchingByContent.get(hit.sha()))))
                .toList();
    }

    private Set<Integer> holders(String sha) {
        Set<Integer> peers = new TreeSet<>();
        shares.forEach((peerId, share) -> share.keySet().forEach(file -> {
            if (file.sha256().equals(sha)) {
                peers.add(peerId);
            }
        }));
        return peers;
    }

    /** Every holder, by peer id, under its best-matching name, or its first name by order if none matched. */
    private List<Holder> holderList(String sha, List<File> matching) {
        List<Holder> holders = new ArrayList<>();
        for (int peerId : holders(sha)) {
            File best = matching.stream().filter(file -> file.peerId() == peerId)
                    .min(Comparator.comparingInt(File::rank).thenComparing((a, b) -> compareOrder(a.file(), b.file())))
                    .orElseGet(() -> shares.get(peerId).entrySet().stream()
                            .filter(entry -> entry.getKey().sha256().equals(sha))
                            .map(entry -> new File(peerId, entry.getKey(), entry.getValue(), 0))
                            .min((a, b) -> compareOrder(a.file(), b.file())).orElseThrow());
            Peer peer = IndexFixture.peer(peerId);
            holders.add(new Holder(peerId, peer.host(), peer.port(), best.sharedAt(), best.file().name()));
        }
        return holders;
    }

    private static boolean matches(SharedFile file, SearchQuery query, Filters filters) {
        if (!NameMatch.matches(query, file.name(), file.sha256())) {
            return false;
        }
        String extension = extension(file.name());
        return (filters.extensions() == null || extension != null && filters.extensions().contains(extension))
                && (filters.minSize() == null || file.size() >= filters.minSize())
                && (filters.maxSize() == null || file.size() <= filters.maxSize());
    }

    /** The last word of the folded name when all that follows the last dot is that one word. */
    private static String extension(String name) {
        String folded = WordSplitter.fold(name);
        int dot = folded.lastIndexOf('.');
        String tail = dot < 0 ? "" : folded.substring(dot + 1);
        return !tail.isEmpty() && tail.codePoints().allMatch(Character::isLetterOrDigit) ? tail : null;
    }

    private static int rank(String name, SearchQuery query) {
        if (!query.required().isEmpty() && WordSplitter.fold(name).equals(WordSplitter.fold(query.typed().strip()))) {
            return 0;
        }
        List<String> words = WordSplitter.words(name);
        boolean whole = query.required().stream().allMatch(term -> term.whole() || words.contains(term.words().get(0)));
        return whole ? 1 : 2;
    }

    /** By name folded, then as shared, then by SHA-256, each as UTF-8 bytes compared unsigned. */
    private static int compareOrder(SharedFile a, SharedFile b) {
        int order = compareBytes(WordSplitter.fold(a.name()), WordSplitter.fold(b.name()));
        if (order == 0) {
            order = compareBytes(a.name(), b.name());
        }
        return order != 0 ? order : a.sha256().compareTo(b.sha256());
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void browseEveryPage(int peerId) {
        List<SharedFile> expected = shares.get(peerId).keySet().stream()
                .sorted(LuceneFileIndexModelTest::compareOrder).toList();
        List<SharedFile> seen = new ArrayList<>();
        SharedFile after = null;
        BrowseResult page;
        int size = 1 + random.nextInt(7);
        do {
            page = fixture.browse(peerId, after, size);
            seen.addAll(page.files());
            after = page.files().isEmpty() ? null : page.files().get(page.files().size() - 1);
        } while (page.hasMore() && after != null);
        assertThat(seen).as("browse of peer %d in pages of %d", peerId, size).isEqualTo(expected);
    }
}
