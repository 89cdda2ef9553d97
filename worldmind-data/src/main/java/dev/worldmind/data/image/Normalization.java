package dev.worldmind.data.image;

/**
 * Standardises pixels already scaled to [0, 1]: {@code (x - mean) / std}.
 *
 * @param mean the mean pixel value of the training data
 * @param std the standard deviation of the training data's pixels
 */
public record Normalization(float mean, float std) {
    /** No change. */
    public static final Normalization IDENTITY = new Normalization(0f, 1f);

    public Normalization {
        if (!(std > 0) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("std must be positive and mean finite");
        }
    }

    /**
     * Measures mean and standard deviation over all pixels of a set.
     *
     * @param set the training data
     * @return the normalisation
     */
    public static Normalization fit(ImageSet set) {
        byte[] px = set.pixels();
        double sum = 0;
        double sumSq = 0;
        for (byte b : px) {
            double x = (b & 0xff) / 255.0;
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / px.length;
        double var = Math.max(sumSq / px.length - mean * mean, 1e-12);
        return new Normalization((float) mean, (float) Math.sqrt(var));
    }

    /**
     * Normalises values in place.
     *
     * @param values pixel values in [0, 1]
     * @param from first index
     * @param to index after the last
     */
    public void apply(float[] values, int from, int to) {
        float inv = 1f / std;
        for (int i = from; i < to; i++) {
            values[i] = (values[i] - mean) * inv;
        }
    }
}
