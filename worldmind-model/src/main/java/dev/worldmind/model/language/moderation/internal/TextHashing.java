package dev.worldmind.model.language.moderation.internal;

import dev.worldmind.data.interaction.SparseVector;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits text into lowercase word tokens and hashes word unigrams and bigrams into a fixed number
 * of buckets, counting occurrences (the "hashing trick": no vocabulary to store, unseen words still
 * land somewhere). Hashes derive from {@link String#hashCode()}, which the Java language specifies,
 * so every JVM computes the same features. A few buckets at the end hold dense shape features.
 * Stateless and thread-safe.
 */
public final class TextHashing {
    /** Shape features after the hashed buckets; see {@link #shape}. */
    public static final int SHAPE_FEATURES = 5;

    private static final int MAX_TOKEN = 40;

    private TextHashing() {}

    /**
     * Returns the word tokens of a text: runs of letters and digits (with inner apostrophes
     * dropped), lowercased, plus the symbols {@code $ ! % € £} as tokens of their own; runs longer
     * than {@value #MAX_TOKEN} characters are cut.
     *
     * @param text the text
     * @return the tokens, in order
     */
    public static String[] tokens(String text) {
        String[] out = new String[16];
        int n = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (word.length() < MAX_TOKEN) {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' && word.length() > 0) {
                continue;
            }
            if (word.length() > 0) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = word.toString().toLowerCase(Locale.ROOT);
                word.setLength(0);
            }
            if (c == '$' || c == '!' || c == '%' || c == '\u20ac' || c == '\u00a3') {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = String.valueOf(c);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Hashes a text's unigrams (and bigrams if asked) into term counts.
     *
     * @param text the text
     * @param bits log2 of the number of buckets
     * @param bigrams whether to add word pairs
     * @return the counts, indices ascending
     */
    public static SparseVector counts(String text, int bits, boolean bigrams) {
        String[] tokens = tokens(text);
        int mask = (1 << bits) - 1;
        int total = bigrams ? Math.max(0, tokens.length * 2 - 1) : tokens.length;
        int[] buckets = new int[total];
        int k = 0;
        int previous = 0;
        for (int i = 0; i < tokens.length; i++) {
            int h = tokens[i].hashCode();
            buckets[k++] = mix(h) & mask;
            if (bigrams && i > 0) {
                buckets[k++] = mix(previous * 0x01000193 ^ h ^ 0x5bd1e995) & mask;
            }
            previous = h;
        }
        Arrays.sort(buckets, 0, k);
        int[] idx = new int[k];
        float[] val = new float[k];
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (m > 0 && idx[m - 1] == buckets[i]) {
                val[m - 1]++;
            } else {
                idx[m] = buckets[i];
                val[m] = 1;
                m++;
            }
        }
        return new SparseVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
    }

    /**
     * Returns shape features in [0, 1]: the share of capitals among letters, density of {@code !},
     * of {@code $}, of digits, and the number of links, each squashed.
     *
     * @param text the text
     * @return {@value #SHAPE_FEATURES} values
     */
    public static float[] shape(String text) {
        int bangs = 0;
        int dollars = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c == '!') {
                bangs++;
            } else if (c == '$') {
                dollars++;
            }
        }
        int links = count(text, "http") + count(text, "www.");
        double len = Math.max(1, text.length());
        return new float[] {
            Capitals.of(text).share(),
            (float) Math.min(1, bangs * 100 / len),
            (float) Math.min(1, dollars * 100 / len),
            (float) Math.min(1, digits * 10 / len),
            (float) Math.min(1, Math.log1p(links) / 4)
        };
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static int mix(int h) {
        // MurmurHash3's finaliser spreads String.hashCode's weak low bits over all buckets.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
