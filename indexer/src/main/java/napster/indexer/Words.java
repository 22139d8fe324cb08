package napster.indexer;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of lower-cased text: its maximal runs of letters and digits. A lower-cased name
 * contains a lower-cased query only if some word of the name contains the query's longest
 * run, so the {@link WordIndex} can look names up by the words they hold.
 */
final class Words {
    private Words() {
    }

    /** The distinct words of the name once lower-cased, in order of first appearance. */
    static List<String> of(byte[] name) {
        String lower = CaseFolding.lower(name);
        List<String> words = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean inWord = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = lower.substring(start, i);
                if (!words.contains(word)) {
                    words.add(word);
                }
                start = -1;
            }
        }
        return words;
    }

    /** The longest run of letters and digits in the text (the first of equal ones); empty if it has none. */
    static String longestRun(String lowerText) {
        int bestStart = 0;
        int bestLength = 0;
        int start = -1;
        for (int i = 0; i <= lowerText.length(); i++) {
            boolean inWord = i < lowerText.length() && Character.isLetterOrDigit(lowerText.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = -1;
            }
        }
        return lowerText.substring(bestStart, bestStart + bestLength);
    }
}
