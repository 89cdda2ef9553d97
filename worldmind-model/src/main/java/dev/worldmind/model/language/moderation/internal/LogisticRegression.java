package dev.worldmind.model.language.moderation.internal;

import java.util.List;
import java.util.Random;

/**
 * Binary logistic regression on sparse features, trained by AdaGrad stochastic gradient descent
 * with L2 regularisation applied to the weights an example touches. The example order of every
 * epoch comes from the seed, so the same data and seed give the same weights.
 *
 * @param l2 the L2 penalty per touched weight and step
 * @param epochs passes over the data
 * @param learningRate AdaGrad's base step
 * @param seed the shuffling seed
 */
public record LogisticRegression(double l2, int epochs, double learningRate, long seed) {
    public LogisticRegression {
        if (l2 < 0 || epochs < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("l2 >= 0, epochs >= 1 and learningRate > 0");
        }
    }

    /**
     * The learned model: {@code p(y=1|x) = sigmoid(w . x + bias)}.
     *
     * @param weights one weight per feature
     * @param bias the intercept
     */
    public record Weights(float[] weights, float bias) {
        /**
         * Returns the probability of the positive class.
         *
         * @param x the features
         */
        public double probability(SparseVector x) {
            return sigmoid(x.dot(weights) + bias);
        }
    }

    /**
     * Trains on labelled examples.
     *
     * @param xs the examples' features
     * @param ys their labels, 0 or 1
     * @param dimension the feature vectors' length
     * @return the weights
     */
    public Weights fit(List<SparseVector> xs, int[] ys, int dimension) {
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
                int[] idx = x.indices();
                float[] val = x.values();
                double z = b;
                for (int k = 0; k < idx.length; k++) {
                    z += w[idx[k]] * val[k];
                }
                double g = sigmoid(z) - ys[e];
                for (int k = 0; k < idx.length; k++) {
                    int f = idx[k];
                    double grad = g * val[k] + l2 * w[f];
                    g2[f] += grad * grad;
                    w[f] -= learningRate * grad / Math.sqrt(g2[f] + 1e-8);
                }
                bg2 += g * g;
                b -= learningRate * g / Math.sqrt(bg2 + 1e-8);
            }
        }
        float[] out = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            out[i] = (float) w[i];
        }
        return new Weights(out, (float) b);
    }

    /** The logistic function, safe for large arguments. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
