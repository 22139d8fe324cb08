package napster.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import napster.common.protocol.SharedFile;

/**
 * A reproducible music library for benchmarks: file {@code i} is always the same name, size
 * and content hash for a given seed. Names look like {@code "Kabori Tesu - Malo Venika.mp3"}:
 * four capitalised words from a vocabulary of made-up words, so a one-word query (typed in
 * lower case, as people do) matches a few hundred files in a million, as a song or artist name
 * would. Each file is its own content.
 */
final class SyntheticLibrary {
    static final int DEFAULT_WORDS = 20_000;
    private static final String[] SYLLABLES = buildSyllables();
    private static final String[] EXTENSIONS = {".mp3", ".mp3", ".mp3", ".flac", ".ogg"};

    private final long seed;
    private final String[] words;

    SyntheticLibrary(long seed, int vocabulary) {
        this.seed = seed;
        this.words = vocabulary(seed, vocabulary);
    }

    private static String[] buildSyllables() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        List<String> syllables = new ArrayList<>();
        for (char c : consonants.toCharArray()) {
            for (char v : vowels.toCharArray()) {
                syllables.add("" + c + v);
            }
        }
        return syllables.toArray(String[]::new);
    }

    private static String[] vocabulary(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < size) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private SplittableRandom randomOf(long file) {
        return new SplittableRandom(seed ^ (file * 0x9E3779B97F4A7C15L));
    }

    /** File {@code i} of the library. */
    SharedFile file(long i) {
        SplittableRandom random = randomOf(i);
        String name = title(random) + " " + title(random) + " - " + title(random) + " " + title(random)
                + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
        long size = 3_000_000 + random.nextInt(7_000_000);
        String sha256 = String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                random.nextLong(), random.nextLong());
        return new SharedFile(name, size, sha256);
    }

    private String title(SplittableRandom random) {
        String word = words[random.nextInt(words.length)];
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Files {@code from} (inclusive) to {@code to} (exclusive). */
    List<SharedFile> files(long from, long to) {
        List<SharedFile> files = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            files.add(file(i));
        }
        return files;
    }

    /** A query people would type: one word of a file in the library (so it always finds something). */
    String query(SplittableRandom random, long files) {
        String[] words = words(file(random.nextLong(files)));
        return words[random.nextInt(words.length)];
    }

    /** The words of a file's name, lower case, without the extension. */
    static String[] words(SharedFile file) {
        String name = file.name();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT).split(" - | ");
    }
}
