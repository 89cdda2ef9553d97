package dev.worldmind.model.explain;

import ai.djl.ndarray.NDArray;
import dev.worldmind.model.vision.ImageShape;

/** Gradient saliency: how strongly each pixel moves the class score. */
final class Saliency {
    private Saliency() {}

    /**
     * Turns input gradients into heatmaps: the largest absolute gradient over the channels of each
     * pixel, scaled to [0, 1] per image.
     *
     * @param gradient the class logit's gradient with respect to the input, {@code (n, c, h, w)}
     * @param count n
     * @param in the input shape
     * @return one row-major {@code h * w} map per image
     */
    static float[][] maps(NDArray gradient, int count, ImageShape in) {
        float[] g = gradient.abs().max(new int[] {1}).toFloatArray();
        int hw = in.height() * in.width();
        float[][] out = new float[count][hw];
        for (int i = 0; i < count; i++) {
            System.arraycopy(g, i * hw, out[i], 0, hw);
            Explainer.normalise(out[i]);
        }
        return out;
    }
}
