package dev.worldmind.app.vision;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.vision.ImageModel;
import java.util.Arrays;

/**
 * Mean inference time per image of a model at a batch size, on real test images. A rough,
 * in-process measurement for side-by-side comparisons on the same machine, not a benchmark: a few
 * warm-up batches, then the median of three timed rounds.
 */
final class InferenceTiming {
    private static final int ROUNDS = 3;

    private InferenceTiming() {}

    /**
     * Times a model.
     *
     * @param model the model
     * @param images where the images come from (the first {@code imagesPerRound} are used)
     * @param batch images per call
     * @param imagesPerRound images per timed round, a multiple of the batch
     * @return the median over rounds of the mean milliseconds per image
     */
    static double msPerImage(ImageModel model, ImageSet images, int batch, int imagesPerRound) {
        int size = images.imageSize();
        int batches = Math.max(1, imagesPerRound / batch);
        if (images.size() < batch) {
            throw new IllegalArgumentException("need at least " + batch + " images to time");
        }
        float[][] inputs = new float[batches][batch * size];
        for (int b = 0; b < batches; b++) {
            for (int k = 0; k < batch; k++) {
                images.copyImage((b * batch + k) % images.size(), inputs[b], k * size);
            }
        }
        for (int b = 0; b < Math.min(batches, 5); b++) {
            model.probabilities(inputs[b], batch);
        }
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (float[] input : inputs) {
                model.probabilities(input, batch);
            }
            rounds[r] = (System.nanoTime() - start) / 1e6 / (batches * (double) batch);
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }
}
