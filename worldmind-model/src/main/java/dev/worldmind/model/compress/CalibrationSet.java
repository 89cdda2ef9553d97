package dev.worldmind.model.compress;

import java.util.Objects;

/**
 * Representative inputs the quantiser runs the fp32 model on to measure activation ranges.
 *
 * @param images01 {@code count} images back to back, channels first, pixels in [0, 1]
 * @param count how many images
 * @param description where they came from, for the model's provenance (e.g. {@code 1,000 images of
 *     mnist/train, seed 42})
 */
public record CalibrationSet(float[] images01, int count, String description) {
    public CalibrationSet {
        Objects.requireNonNull(images01, "images01");
        Objects.requireNonNull(description, "description");
        if (count < 1 || images01.length % count != 0) {
            throw new IllegalArgumentException(
                    images01.length + " values are not " + count + " images");
        }
    }

    /** Returns the number of values in one image. */
    public int imageSize() {
        return images01.length / count;
    }
}
