package dev.worldmind.model.language.sentiment.internal;

/**
 * Centres and scales each feature by its training mean and standard deviation (constant features
 * keep scale 1). Immutable.
 *
 * @param mean each feature's training mean
 * @param scale each feature's training standard deviation
 */
public record Standardizer(double[] mean, double[] scale) {
    public Standardizer {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale differ in length");
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /**
     * Measures the features of training rows.
     *
     * @param rows the rows
     * @return the standardizer
     */
    public static Standardizer fit(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(mean, scale);
    }

    /**
     * Standardises one row.
     *
     * @param row the raw features
     * @return a new, standardised row
     */
    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }
}
