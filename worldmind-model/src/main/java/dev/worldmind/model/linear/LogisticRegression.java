package dev.worldmind.model.linear;

import dev.worldmind.data.interaction.SparseVector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A fitted binary logistic regression: {@code p(y=1|x) = sigmoid(w . x + bias)}, for dense rows or
 * sparse vectors. Two solvers fit it: {@link #fit} (full-batch L-BFGS on dense rows, used on
 * sentence embeddings) and {@link AdaGrad} (seeded stochastic steps on sparse rows, used on hashed
 * text features whose dimension makes full-batch steps costly). Immutable.
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

    /** Returns the number of features. */
    public int dimension() {
        return weights.length;
    }

    /**
     * Returns the probability of class 1.
     *
     * @param row a dense feature row, prepared like the training rows
     */
    public double probability(double[] row) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * row[j];
        }
        return sigmoid(z);
    }

    /**
     * Returns the probability of class 1.
     *
     * @param x sparse features, no index past the weights
     */
    public double probability(SparseVector x) {
        double dot = 0;
        for (int k = 0; k < x.size(); k++) {
            dot += x.value(k) * weights[x.index(k)];
        }
        return sigmoid(dot + bias);
    }

    /**
     * Fits dense rows by L-BFGS on the mean log-loss plus {@code l2 / 2 * |w|^2} (the bias is not
     * penalised). Deterministic: the fit depends on the data only.
     *
     * @param x the feature rows (standardised)
     * @param y the labels, 0 or 1
     * @param l2 the penalty
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

    /** The logistic function, safe for large arguments. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * The stochastic solver for sparse rows: AdaGrad steps on the log-loss with an L2 penalty on
     * the weights an example touches. The example order of every epoch comes from the seed, so the
     * same data and seed give the same model.
     *
     * @param l2 the L2 penalty per touched weight and step
     * @param epochs passes over the data
     * @param learningRate AdaGrad's base step
     * @param seed the shuffling seed
     */
    public record AdaGrad(double l2, int epochs, double learningRate, long seed) {
        public AdaGrad {
            if (l2 < 0 || epochs < 1 || learningRate <= 0) {
                throw new IllegalArgumentException("l2 >= 0, epochs >= 1 and learningRate > 0");
            }
        }

        /**
         * Fits labelled sparse rows. The weights come back rounded to float precision: the
         * hashed-feature models are saved as floats, and rounding here makes what is scored (in
         * cross-validation too) the same as what is saved and reloaded.
         *
         * @param xs the examples' features
         * @param ys their labels, 0 or 1
         * @param dimension the feature vectors' length
         * @return the fitted model
         */
        public LogisticRegression fit(List<SparseVector> xs, int[] ys, int dimension) {
            double[] w = new double[dimension];
            double[] g2 = new double[dimension];
            double b = 0;
            double bg2 = 0;
            int[] order = new int[xs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Random random = new Random(seed);
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int e : order) {
                    SparseVector x = xs.get(e);
                    int n = x.size();
                    double z = b;
                    for (int k = 0; k < n; k++) {
                        z += w[x.index(k)] * x.value(k);
                    }
                    double g = sigmoid(z) - ys[e];
                    for (int k = 0; k < n; k++) {
                        int f = x.index(k);
                        double grad = g * x.value(k) + l2 * w[f];
                        g2[f] += grad * grad;
                        w[f] -= learningRate * grad / Math.sqrt(g2[f] + 1e-8);
                    }
                    bg2 += g * g;
                    b -= learningRate * g / Math.sqrt(bg2 + 1e-8);
                }
            }
            for (int i = 0; i < dimension; i++) {
                w[i] = (float) w[i];
            }
            return new LogisticRegression(w, (float) b);
        }
    }
}
