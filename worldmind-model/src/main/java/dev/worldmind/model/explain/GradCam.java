package dev.worldmind.model.explain;

import ai.djl.ndarray.NDArray;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.model.vision.Layer;
import java.util.List;

/**
 * Grad-CAM (Selvaraju et al., 2017): the last convolutional stage's feature maps, each weighted by
 * the spatial mean of the class score's gradient on it, summed, rectified and upsampled.
 */
final class GradCam {
    private GradCam() {}

    /**
     * Finds the top-level layer whose output Grad-CAM reads: the last convolution (or block holding
     * one) together with the batch norm and ReLU right after it, i.e. the last feature maps before
     * pooling or flattening.
     *
     * @param spec the architecture
     * @return the index among the network's top-level layers
     * @throws InvalidDataException when the network has no convolution
     */
    static int featureLayer(ArchitectureSpec spec) {
        List<Layer> layers = Architectures.layers(spec).layers();
        int last = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (convolves(layers.get(i))) {
                last = i;
            }
        }
        if (last < 0) {
            throw new InvalidDataException(
                    "Grad-CAM needs a convolutional network; "
                            + spec.name()
                            + " has no convolution (use saliency)");
        }
        while (last + 1 < layers.size()
                && (layers.get(last + 1) instanceof Layer.Relu
                        || layers.get(last + 1) instanceof Layer.BatchNorm)) {
            last++;
        }
        return last;
    }

    private static boolean convolves(Layer layer) {
        if (layer instanceof Layer.Conv) {
            return true;
        }
        return layer instanceof Layer.Sequence s
                && s.layers().stream().anyMatch(GradCam::convolves);
    }

    /**
     * Where the feature maps sit on the input: the cell at index {@code o} of the layer {@code
     * upTo} is centred on input pixel {@code offset + stride * o} (per axis; the networks are
     * square). Unpadded convolutions shrink the maps from the borders, so a plain resize over the
     * whole image would shift the heatmap; for "same"-padded networks both agree.
     *
     * @param stride input pixels between neighbouring cells
     * @param offset input position of cell 0's centre
     */
    record Geometry(double stride, double offset) {
        static Geometry of(ArchitectureSpec spec, int upTo) {
            double[] g = {1, 0};
            List<Layer> layers = Architectures.layers(spec).layers();
            for (int i = 0; i <= upTo; i++) {
                walk(layers.get(i), g);
            }
            return new Geometry(g[0], g[1]);
        }

        private static void walk(Layer layer, double[] g) {
            // Composes "input centre = offset + stride * o" with each layer's own index map.
            if (layer instanceof Layer.Sequence s) {
                s.layers().forEach(l -> walk(l, g));
            } else if (layer instanceof Layer.Conv c) {
                g[1] += g[0] * ((c.kernel() - 1) / 2.0 - c.padding());
            } else if (layer instanceof Layer.MaxPool p) {
                g[1] += g[0] * ((p.size() - 1) / 2.0);
                g[0] *= p.size();
            }
        }
    }

    /**
     * Computes the heatmaps.
     *
     * @param features the feature maps A, {@code (n, k, h, w)}
     * @param gradient the class logit's gradient with respect to A
     * @param count n
     * @param in the input shape the maps are upsampled to
     * @param geometry where the maps' cells sit on the input
     * @return one row-major map per image at the input's resolution, in [0, 1]
     */
    static float[][] maps(
            NDArray features, NDArray gradient, int count, ImageShape in, Geometry geometry) {
        long[] s = features.getShape().getShape();
        if (s.length != 4) {
            throw new InvalidDataException(
                    "Grad-CAM expects feature maps (n, k, h, w), got " + features.getShape());
        }
        int k = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        NDArray weights =
                gradient.reshape(count, k, (long) h * w)
                        .mean(new int[] {2})
                        .reshape(count, k, 1, 1);
        float[] cam = features.mul(weights).sum(new int[] {1}).maximum(0f).toFloatArray();
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = upsample(cam, i * h * w, h, w, in.height(), in.width(), geometry);
            Explainer.normalise(out[i]);
        }
        return out;
    }

    /**
     * Bilinear resize of one map to the input's size, each input pixel sampling the maps at its own
     * position under the geometry. Beyond the outermost cell centres the map fades to zero one
     * stride further out: a cell's value belongs to its centre, and copying border cells out to the
     * image's edge (clamping) would make empty borders look as important as the object.
     */
    static float[] upsample(
            float[] src, int from, int h, int w, int outH, int outW, Geometry geometry) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double fy = (y - geometry.offset()) / geometry.stride();
            int y0 = (int) Math.floor(fy);
            float dy = (float) (fy - y0);
            for (int x = 0; x < outW; x++) {
                double fx = (x - geometry.offset()) / geometry.stride();
                int x0 = (int) Math.floor(fx);
                float dx = (float) (fx - x0);
                float top =
                        at(src, from, h, w, y0, x0) * (1 - dx)
                                + at(src, from, h, w, y0, x0 + 1) * dx;
                float bottom =
                        at(src, from, h, w, y0 + 1, x0) * (1 - dx)
                                + at(src, from, h, w, y0 + 1, x0 + 1) * dx;
                out[y * outW + x] = top * (1 - dy) + bottom * dy;
            }
        }
        return out;
    }

    private static float at(float[] src, int from, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0f : src[from + y * w + x];
    }
}
