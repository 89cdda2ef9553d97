package dev.worldmind.model.vision;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import java.util.List;

/**
 * A loaded image classifier, whatever runs it (DJL or ONNX Runtime): raw pixels in, class
 * probabilities out. Owns native resources, so close it. Implementations say whether they may be
 * called from several threads at once.
 */
public interface ImageModel extends AutoCloseable {
    /** Returns the architecture and input shape. */
    ArchitectureSpec spec();

    /** Returns the input normalisation the model expects the caller not to apply. */
    Normalization normalization();

    /** Returns the class names, in output order. */
    List<String> classes();

    /**
     * Computes class probabilities for images given as pixel values in [0, 1].
     *
     * @param images01 {@code count} images back to back, channels first, not yet normalised
     * @param count how many images
     * @return one probability row per image
     */
    float[][] probabilities(float[] images01, int count);

    /**
     * Computes class probabilities for every image of a grayscale set, in batches of 500.
     *
     * @param set the images; their size must be the model's
     * @return one probability row per image
     */
    default float[][] probabilities(ImageSet set) {
        ImageShape in = spec().input();
        if (set.height() != in.height() || set.width() != in.width() || in.channels() != 1) {
            throw new InvalidDataException(
                    "model "
                            + spec().name()
                            + " takes "
                            + in.channels()
                            + "x"
                            + in.height()
                            + "x"
                            + in.width()
                            + " images, got "
                            + set);
        }
        int n = set.size();
        int size = set.imageSize();
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += 500) {
            int count = Math.min(500, n - start);
            float[] batch = new float[count * size];
            for (int k = 0; k < count; k++) {
                set.copyImage(start + k, batch, k * size);
            }
            System.arraycopy(probabilities(batch, count), 0, out, start, count);
        }
        return out;
    }

    /**
     * Classifies one image.
     *
     * @param image01 pixel values in [0, 1]
     * @return the most likely class and all probabilities
     */
    default Prediction predict(float[] image01) {
        return Prediction.of(probabilities(image01, 1)[0], classes());
    }

    @Override
    void close();
}
