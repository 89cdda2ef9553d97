package dev.worldmind.model.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve, computed exactly as the Mann-Whitney statistic: the probability that a
 * random positive scores above a random negative, ties counting half.
 */
public final class RocAuc {
    private RocAuc() {}

    /**
     * Computes the ROC-AUC.
     *
     * @param scores a score per sample, higher meaning more likely positive
     * @param positive whether each sample is positive
     * @return the AUC in [0, 1], or NaN when there are no positives or no negatives
     */
    public static double compute(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based; ties share the mean
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0)
                / ((double) positives * negatives);
    }
}
