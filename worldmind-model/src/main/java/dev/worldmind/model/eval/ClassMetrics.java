package dev.worldmind.model.eval;

/**
 * One class's scores, one-vs-rest.
 *
 * @param label the class name
 * @param precision of the images predicted as this class, the share that are
 * @param recall of the images of this class, the share predicted as it
 * @param f1 the harmonic mean of precision and recall
 * @param rocAuc area under the ROC curve of this class's probability against the rest
 * @param support how many test images are of this class
 */
public record ClassMetrics(
        String label, double precision, double recall, double f1, double rocAuc, int support) {}
