package dev.worldmind.model.language.moderation.internal;

import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.linear.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation of the TF-IDF logistic regression, scoring F1 on the positive
 * class. Term counts are hashed once; each fold learns its own IDF from its training part, so no
 * held-out statistics leak into the fold's model. Examples derived from another (snippets) go to
 * their parent's fold and are only trained on, never scored.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /**
     * Returns the mean F1 on the positive class over the folds.
     *
     * @param counts every example's hashed term counts
     * @param shapes every example's shape features
     * @param labels every example's label, 0 or 1
     * @param parents for every example the index of the original it derives from; originals come
     *     first and are their own parents
     * @param folds the number of folds
     * @param bits log2 of the number of buckets
     * @param bigrams whether the counts include word pairs
     * @param learner the learner to score
     * @param seed the seed that assigns examples to folds
     * @return the mean F1
     */
    public static double meanF1(
            List<SparseVector> counts,
            List<float[]> shapes,
            int[] labels,
            int[] parents,
            int folds,
            int bits,
            boolean bigrams,
            LogisticRegression.AdaGrad learner,
            long seed) {
        int originals = 0;
        while (originals < parents.length && parents[originals] == originals) {
            originals++;
        }
        int[] fold = assignFolds(java.util.Arrays.copyOf(labels, originals), folds, seed);
        double sum = 0;
        for (int f = 0; f < folds; f++) {
            List<SparseVector> trainCounts = new ArrayList<>();
            List<Integer> trainIdx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (fold[parents[i]] != f) {
                    trainCounts.add(counts.get(i));
                    trainIdx.add(i);
                }
            }
            TfIdf tfidf = TfIdf.fit(trainCounts, bits, bigrams);
            List<SparseVector> xs = new ArrayList<>();
            int[] ys = new int[trainIdx.size()];
            for (int k = 0; k < trainIdx.size(); k++) {
                int i = trainIdx.get(k);
                xs.add(tfidf.weigh(counts.get(i), shapes.get(i)));
                ys[k] = labels[i];
            }
            LogisticRegression w = learner.fit(xs, ys, tfidf.dimension());
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < originals; i++) {
                if (fold[i] != f) {
                    continue;
                }
                boolean spam = w.probability(tfidf.weigh(counts.get(i), shapes.get(i))) >= 0.5;
                if (spam && labels[i] == 1) {
                    tp++;
                } else if (spam) {
                    fp++;
                } else if (labels[i] == 1) {
                    fn++;
                }
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / folds;
    }

    private static int[] assignFolds(int[] labels, int folds, long seed) {
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        for (int label = 0; label <= 1; label++) {
            List<Integer> ofClass = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    ofClass.add(i);
                }
            }
            java.util.Collections.shuffle(ofClass, random);
            for (int k = 0; k < ofClass.size(); k++) {
                fold[ofClass.get(k)] = k % folds;
            }
        }
        return fold;
    }
}
