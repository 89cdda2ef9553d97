package dev.worldmind.model.language.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the spam classifier is built: its features and the hyper-parameter grid that cross-validation
 * on the training part chooses from.
 *
 * @param hashBits log2 of the number of hashed word buckets
 * @param bigrams whether word pairs are features too
 * @param epochs passes of stochastic gradient descent
 * @param l2Candidates the L2 penalties to try
 * @param learningRateCandidates the AdaGrad base steps to try
 * @param folds the cross-validation folds (at least 2)
 * @param snippetWords when positive, every training message also teaches through two short snippets
 *     of it, its first line (the subject) and its body's first this many words, so the classifier
 *     learns what short texts such as chat lines look like; 0 turns this off
 */
public record SpamClassifierConfig(
        int hashBits,
        boolean bigrams,
        int epochs,
        List<Double> l2Candidates,
        List<Double> learningRateCandidates,
        int folds,
        int snippetWords) {
    public SpamClassifierConfig {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits lie in [8, 24]: " + hashBits);
        }
        if (epochs < 1 || folds < 2 || snippetWords < 0) {
            throw new IllegalArgumentException(
                    "epochs >= 1, folds >= 2 and snippetWords >= 0 are needed");
        }
        l2Candidates = List.copyOf(l2Candidates);
        learningRateCandidates = List.copyOf(learningRateCandidates);
        if (l2Candidates.isEmpty() || learningRateCandidates.isEmpty()) {
            throw new IllegalArgumentException("each grid has at least one candidate");
        }
    }

    /**
     * Returns the tuned defaults: 2^18 buckets of words and word pairs, 8 epochs, a 3 x 2 grid, 5
     * folds and 12-word snippets.
     */
    public static SpamClassifierConfig defaults() {
        return new SpamClassifierConfig(
                18, true, 8, List.of(1e-6, 1e-5, 1e-4), List.of(0.1, 0.5), 5, 12);
    }

    /**
     * Returns the same configuration with one fixed setting instead of a grid: for small or quick
     * training where cross-validation is not worth it.
     *
     * @param l2 the L2 penalty
     * @param learningRate the base step
     */
    public SpamClassifierConfig fixed(double l2, double learningRate) {
        return new SpamClassifierConfig(
                hashBits, bigrams, epochs, List.of(l2), List.of(learningRate), folds, snippetWords);
    }

    /** Returns the configuration as an ordered map, for provenance. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hashBits", hashBits);
        map.put("bigrams", bigrams);
        map.put("epochs", epochs);
        map.put("l2Candidates", l2Candidates);
        map.put("learningRateCandidates", learningRateCandidates);
        map.put("folds", folds);
        map.put("snippetWords", snippetWords);
        return map;
    }
}
