package dev.worldmind.model.vision;

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

    @Override
    void close();
}
