package dev.worldmind.model.generate;

import java.util.Arrays;

/**
 * The Gaussian fitted to a set of feature vectors: their mean and their covariance (unbiased, with
 * {@code n - 1}, as numpy's {@code cov} and pytorch-fid compute it).
 *
 * @param mean the mean vector
 * @param covariance the covariance matrix, row-major {@code d x d}
 * @param count how many vectors it was fitted to
 */
public record FeatureStatistics(double[] mean, double[][] covariance, int count) {

    public FeatureStatistics {
        int d = mean.length;
        if (covariance.length != d) {
            throw new IllegalArgumentException("covariance must be " + d + " x " + d);
        }
        for (double[] row : covariance) {
            if (row.length != d) {
                throw new IllegalArgumentException("covariance must be " + d + " x " + d);
            }
        }
        mean = mean.clone();
        covariance = Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * Fits the Gaussian to feature vectors.
     *
     * @param features at least two vectors of the same length
     * @return their statistics
     */
    public static FeatureStatistics of(float[][] features) {
        int n = features.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least two feature vectors, got " + n);
        }
        int d = features[0].length;
        double[] mean = new double[d];
        for (float[] f : features) {
            if (f.length != d) {
                throw new IllegalArgumentException("feature vectors differ in length");
            }
            for (int j = 0; j < d; j++) {
                mean[j] += f[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] f : features) {
            for (int j = 0; j < d; j++) {
                centred[j] = f[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                if (ca == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new FeatureStatistics(mean, cov, n);
    }

    /** The features' dimension. */
    public int dimension() {
        return mean.length;
    }
}
