package dev.worldmind.model.explain;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.vision.ImageClassifier;

/** Computes visual explanations of an image classifier's predictions. */
public final class Explainer {
    private Explainer() {}

    /**
     * Explains one prediction.
     *
     * @param classifier the classifier (not thread-safe: the caller guards it)
     * @param image01 one image, pixel values in [0, 1], not normalised
     * @param method how to attribute
     * @param classIndex the class to explain, or -1 for the predicted class
     * @return the explanation
     */
    public static Explanation explain(
            ImageClassifier classifier, float[] image01, ExplanationMethod method, int classIndex) {
        throw new WorldmindException("explanations are being built (issue 8)");
    }
}
