package dev.worldmind.model.vision;

/**
 * The shape of one input image.
 *
 * @param channels colour channels (1 for grayscale)
 * @param height height in pixels
 * @param width width in pixels
 */
public record ImageShape(int channels, int height, int width) {
    /** MNIST's 28x28 grayscale. */
    public static final ImageShape MNIST = new ImageShape(1, 28, 28);

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image dimensions must be positive");
        }
    }

    /** Returns the number of values in one image. */
    public int size() {
        return channels * height * width;
    }
}
