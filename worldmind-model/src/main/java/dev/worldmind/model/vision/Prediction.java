package dev.worldmind.model.vision;

import java.util.List;
import java.util.Objects;

/**
 * The result of classifying one image.
 *
 * @param index the predicted class index
 * @param label the predicted class name
 * @param probability its probability
 * @param probabilities all class probabilities
 */
public record Prediction(int index, String label, float probability, float[] probabilities) {
    public Prediction {
        Objects.requireNonNull(label, "label");
        probabilities = probabilities.clone();
    }

    /**
     * Picks the most likely class of a probability row.
     *
     * @param probabilities one row of class probabilities
     * @param classes the class names, in output order
     */
    public static Prediction of(float[] probabilities, List<String> classes) {
        int best = argMax(probabilities);
        return new Prediction(best, classes.get(best), probabilities[best], probabilities);
    }

    /**
     * Returns the index of the largest value (the first one on ties).
     *
     * @param values the values, at least one
     */
    public static int argMax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
