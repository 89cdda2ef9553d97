package dev.worldmind.data.image;

import java.util.Random;

/**
 * Random geometric augmentation of grayscale images: a rotation about the centre and a shift, as a
 * single affine map sampled bilinearly, with zero (background) outside the image, and optionally a
 * left-right mirror (right for garments, wrong for digits).
 *
 * @param maxShift the largest shift along each axis, in pixels
 * @param maxRotationDegrees the largest rotation either way, in degrees
 * @param mirror whether half of the images are mirrored left to right
 */
public record Augmentation(float maxShift, float maxRotationDegrees, boolean mirror) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, 0);

    public Augmentation {
        if (maxShift < 0 || maxRotationDegrees < 0 || maxRotationDegrees > 180) {
            throw new IllegalArgumentException(
                    "shift must be >= 0 and rotation within [0, 180] degrees");
        }
    }

    /**
     * A rotation and shift without mirroring.
     *
     * @param maxShift the largest shift along each axis, in pixels
     * @param maxRotationDegrees the largest rotation either way, in degrees
     */
    public Augmentation(float maxShift, float maxRotationDegrees) {
        this(maxShift, maxRotationDegrees, false);
    }

    /** Returns whether this augmentation changes anything. */
    public boolean isEnabled() {
        return maxShift > 0 || maxRotationDegrees > 0 || mirror;
    }

    /**
     * Transforms one image in place with a random rotation and shift (and, when enabled, a mirror
     * with probability one half, drawn first so that the draws without it are unchanged).
     *
     * @param image the image buffer
     * @param offset where the image starts
     * @param height image height
     * @param width image width
     * @param random the source of randomness
     * @param scratch a buffer of at least {@code height * width} floats
     */
    public void apply(
            float[] image, int offset, int height, int width, Random random, float[] scratch) {
        if (!isEnabled()) {
            return;
        }
        boolean flip = mirror && random.nextBoolean();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxRotationDegrees);
        double dx = (random.nextDouble() * 2 - 1) * maxShift;
        double dy = (random.nextDouble() * 2 - 1) * maxShift;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int n = height * width;
        System.arraycopy(image, offset, scratch, 0, n);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse map: where in the source does output pixel (x, y) come from?
                double ox = x - cx - dx;
                double oy = y - cy - dy;
                double sx = cos * ox + sin * oy + cx;
                if (flip) {
                    sx = width - 1 - sx;
                }
                double sy = -sin * ox + cos * oy + cy;
                image[offset + y * width + x] = sample(scratch, height, width, sx, sy);
            }
        }
    }

    private static float sample(float[] src, int height, int width, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float)
                ((1 - fy)
                                * ((1 - fx) * at(src, height, width, x0, y0)
                                        + fx * at(src, height, width, x0 + 1, y0))
                        + fy
                                * ((1 - fx) * at(src, height, width, x0, y0 + 1)
                                        + fx * at(src, height, width, x0 + 1, y0 + 1)));
    }

    private static float at(float[] src, int height, int width, int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0f;
        }
        return src[y * width + x];
    }
}
