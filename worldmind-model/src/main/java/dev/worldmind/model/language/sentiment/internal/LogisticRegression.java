package dev.worldmind.model.language.sentiment.internal;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty on the weights (not the bias), fitted by L-BFGS on
 * the mean log-loss. Immutable once fitted.
 *
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticRegression(double[] weights, double bias) {
    public LogisticRegression {
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Fits a model.
     *
     * @param x the feature rows (standardised)
     * @param y the labels, 0 or 1
     * @param l2 the penalty: {@code l2 / 2 * |w|^2} is added to the mean log-loss
     * @return the fitted model
     */
    public static LogisticRegression fit(double[][] x, int[] y, double l2) {
        int n = x.length;
        int d = x[0].length;
        double[] params = new double[d + 1];
        Lbfgs.minimize(
                (p, grad) -> {
                    Arrays.fill(grad, 0);
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double z = p[d];
                        double[] row = x[i];
                        for (int j = 0; j < d; j++) {
                            z += p[j] * row[j];
                        }
                        // log(1 + e^z) - y z, computed stably.
                        loss +=
                                (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)))
                                        - y[i] * z;
                        double err = sigmoid(z) - y[i];
                        for (int j = 0; j < d; j++) {
                            grad[j] += err * row[j];
                        }
                        grad[d] += err;
                    }
                    double penalty = 0;
                    for (int j = 0; j <= d; j++) {
                        grad[j] /= n;
                    }
                    for (int j = 0; j < d; j++) {
                        penalty += p[j] * p[j];
                        grad[j] += l2 * p[j];
                    }
                    return loss / n + l2 / 2 * penalty;
                },
                params,
                500,
                1e-10);
        return new LogisticRegression(Arrays.copyOf(params, d), params[d]);
    }

    /**
     * Returns the probability of class 1.
     *
     * @param row a feature row, standardised like the training rows
     */
    public double probability(double[] row) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * row[j];
        }
        return sigmoid(z);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
