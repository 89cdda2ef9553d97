package dev.worldmind.model.language.sentiment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Assigns samples to cross-validation folds, stratified by label and seeded. */
public final class Folds {
    private Folds() {}

    /**
     * Assigns each sample a fold so that every fold holds about the same share of every class.
     *
     * @param labels the samples' labels
     * @param folds the number of folds, at least 2
     * @param seed the shuffling seed
     * @return each sample's fold, in [0, folds)
     */
    public static int[] assign(int[] labels, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        Random random = new Random(seed);
        int[] fold = new int[labels.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int k = 0; k < members.size(); k++) {
                fold[members.get(k)] = k % folds;
            }
        }
        return fold;
    }
}
