package dev.worldmind.spark;

import dev.worldmind.data.interaction.SparseVector;

/**
 * One user's factors against fixed item factors, solved exactly as Spark's implicit ALS solves them
 * in its last half-step: with confidence {@code c = 1 + alpha * |r|} and preference 1 for {@code r
 * > 0}, minimise {@code sum c (p - x.y)^2 + lambda * n * |x|^2}, where {@code n} counts the
 * positive interactions (ALS-WR's weighting, as Spark does). The normal equations {@code (Y'Y +
 * Y'(C - I)Y + lambda n I) x = Y'C p} are solved by Cholesky in double precision. Stateless.
 */
final class ImplicitSolve {
    private ImplicitSolve() {}

    /**
     * Computes {@code Y'Y} once per model.
     *
     * @param items the item factors, row-major
     * @param k the number of factors
     * @return the k x k Gram matrix, row-major
     */
    static double[] gram(float[] items, int k) {
        double[] g = new double[k * k];
        for (int off = 0; off < items.length; off += k) {
            for (int a = 0; a < k; a++) {
                double ya = items[off + a];
                if (ya == 0) {
                    continue;
                }
                for (int b = a; b < k; b++) {
                    g[a * k + b] += ya * items[off + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                g[a * k + b] = g[b * k + a];
            }
        }
        return g;
    }

    /**
     * Solves one user's factors.
     *
     * @param history the user's item indices and weights
     * @param items the item factors, row-major
     * @param gram {@link #gram} of {@code items}
     * @param k the number of factors
     * @param alpha the confidence scale
     * @param lambda the regularisation per positive interaction
     * @return the user's factors (zeros for an empty history)
     */
    static float[] user(
            SparseVector history,
            float[] items,
            double[] gram,
            int k,
            double alpha,
            double lambda) {
        int itemCount = items.length / k;
        double[] a = gram.clone();
        double[] b = new double[k];
        int positives = 0;
        for (int j = 0; j < history.size(); j++) {
            int item = history.index(j);
            if (item < 0 || item >= itemCount) {
                throw new IllegalArgumentException(
                        "item " + item + " is outside the model's " + itemCount + " items");
            }
            double r = history.value(j);
            double c1 = alpha * Math.abs(r);
            int off = item * k;
            if (r > 0) {
                positives++;
                for (int x = 0; x < k; x++) {
                    b[x] += (1 + c1) * items[off + x];
                }
            }
            for (int x = 0; x < k; x++) {
                double yx = c1 * items[off + x];
                for (int y = 0; y < k; y++) {
                    a[x * k + y] += yx * items[off + y];
                }
            }
        }
        if (positives == 0) {
            return new float[k];
        }
        for (int x = 0; x < k; x++) {
            a[x * k + x] += lambda * positives;
        }
        double[] solution = cholesky(a, b, k);
        float[] out = new float[k];
        for (int x = 0; x < k; x++) {
            out[x] = (float) solution[x];
        }
        return out;
    }

    /** Solves {@code a x = b} for symmetric positive definite {@code a} (overwritten). */
    private static double[] cholesky(double[] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int p = 0; p < j; p++) {
                d -= a[j * k + p] * a[j * k + p];
            }
            // Only a zero regularisation with degenerate factors gets here; a nudge keeps it
            // solvable.
            double l = Math.sqrt(Math.max(d, 1e-12));
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int p = 0; p < j; p++) {
                    s -= a[i * k + p] * a[j * k + p];
                }
                a[i * k + j] = s / l;
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= a[i * k + p] * z[p];
            }
            z[i] = s / a[i * k + i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int p = i + 1; p < k; p++) {
                s -= a[p * k + i] * x[p];
            }
            x[i] = s / a[i * k + i];
        }
        return x;
    }
}
