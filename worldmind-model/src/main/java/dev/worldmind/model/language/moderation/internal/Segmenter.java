package dev.worldmind.model.language.moderation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** Splits letters written without spaces into known words, fewest words first. Stateless. */
final class Segmenter {
    private static final int LONGEST_WORD = 16;

    private Segmenter() {}

    /**
     * Segments a run of letters.
     *
     * @param letters the letters, e.g. {@code killyourself}
     * @param known the words that may be used
     * @return the words in order, or null when the letters are not all known words
     */
    static List<String> segment(String letters, Predicate<String> known) {
        int n = letters.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
                if (best[start] != Integer.MAX_VALUE
                        && best[start] + 1 < best[end]
                        && known.test(letters.substring(start, end))) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            words.add(letters.substring(from[end], end));
        }
        Collections.reverse(words);
        return words;
    }
}
