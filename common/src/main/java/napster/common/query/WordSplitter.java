package napster.common.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a text, for file names and queries alike: the runs of letters and digits,
 * with case and accents folded ({@code Beyoncé - Halo.MP3} has the words {@code beyonce},
 * {@code halo}, {@code mp3}). The extension is a word like any other.
 */
public final class WordSplitter {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private WordSplitter() {
    }

    /** The folded words of {@code text}, in order; empty when it has no letter or digit. */
    public static List<String> words(String text) {
        return wordsOfFolded(fold(text));
    }

    /** The words of a text {@link #fold} already folded. */
    public static List<String> wordsOfFolded(String folded) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            int c = folded.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < folded.length() && Character.isLetterOrDigit(c = folded.codePointAt(i))) {
                i += Character.charCount(c);
            }
            words.add(folded.substring(start, i));
        }
        return words;
    }

    /** Case and accents folded: compatibility-decomposed, marks dropped, lower-cased. */
    public static String fold(String text) {
        if (isPlainAscii(text)) {
            return text.toLowerCase(Locale.ROOT); // nothing to decompose: most names, at a fraction of the cost
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
