package dev.worldmind.app.vision;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.vision.ImageModel;
import java.time.Duration;
import java.util.Arrays;

/**
 * Mean inference time per image of one model, or of two side by side, on real test images. A rough,
 * in-process measurement for comparisons on the same machine, not a benchmark: both models are
 * warmed up, then timed in alternating rounds, and each model's fastest round counts (other work on
 * a shared machine only ever adds time, so the fastest round is the least disturbed).
 */
final class InferenceTiming {
    private static final int ROUNDS = 5;
    private static final int WARM_UP_BATCHES = 5;

    private InferenceTiming() {}

    /**
     * Times two models at one batch size.
     *
     * @param a the first model
     * @param b the second model, fed the same images
     * @param images where the images come from (cycled if there are fewer than needed)
     * @param batch images per call
     * @param imagesPerRound images per timed round; rounded up to whole batches
     * @return the fastest round's mean milliseconds per image, for a and b
     */
    static double[] msPerImage(
            ImageModel a, ImageModel b, ImageSet images, int batch, int imagesPerRound) {
        int batches = Math.max(1, (imagesPerRound + batch - 1) / batch);
        float[][] inputs = inputs(images, batch, batches);
        for (int w = 0; w < WARM_UP_BATCHES; w++) {
            a.probabilities(inputs[w % batches], batch);
            b.probabilities(inputs[w % batches], batch);
        }
        double[] ra = new double[ROUNDS];
        double[] rb = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ra[r] = round(a, inputs, batch);
            rb[r] = round(b, inputs, batch);
        }
        return new double[] {fastest(ra), fastest(rb)};
    }

    /**
     * Times one model at one batch size: warms up for a fifth of the budget, then times whole calls
     * for the budget.
     *
     * @param model the model
     * @param images where the images come from (cycled if there are fewer than needed)
     * @param batch images per call
     * @param budget how long to time
     * @return mean milliseconds per image
     */
    static double msPerImage(ImageModel model, ImageSet images, int batch, Duration budget) {
        int batches = Math.max(1, Math.min(images.size() / batch, 20));
        float[][] inputs = inputs(images, batch, batches);
        long warmUntil = System.nanoTime() + budget.toNanos() / 5;
        int i = 0;
        while (System.nanoTime() < warmUntil || i < 3) {
            model.probabilities(inputs[i++ % batches], batch);
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        long now;
        do {
            model.probabilities(inputs[(int) (calls % batches)], batch);
            calls++;
            now = System.nanoTime();
        } while (now < end || calls < 3);
        return (now - start) / 1e6 / (calls * batch);
    }

    /** {@code batches} inputs of {@code batch} images each, cycling through the set. */
    private static float[][] inputs(ImageSet images, int batch, int batches) {
        int size = images.imageSize();
        float[][] inputs = new float[batches][batch * size];
        for (int i = 0; i < batches * batch; i++) {
            images.copyImage(i % images.size(), inputs[i / batch], (i % batch) * size);
        }
        return inputs;
    }

    private static double round(ImageModel model, float[][] inputs, int batch) {
        long start = System.nanoTime();
        for (float[] input : inputs) {
            model.probabilities(input, batch);
        }
        return (System.nanoTime() - start) / 1e6 / (inputs.length * (double) batch);
    }

    private static double fastest(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
