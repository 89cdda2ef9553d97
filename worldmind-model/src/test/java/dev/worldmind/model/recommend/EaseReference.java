package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.stream.IntStream;

/**
 * EASE's weights as the first implementation computed them (before issue 22): the Gram matrix's
 * lower triangle inverted in place by the sweep operator, in plain Java. Kept as the reference the
 * new {@link EaseWeights} must agree with, and as a candidate in {@link EaseFitBench}.
 */
final class EaseReference {
    private EaseReference() {}

    /** {@code B}, row-major, items² floats, as {@link EaseWeights#compute} returns it. */
    static float[] weights(InteractionMatrix train, double lambda, boolean binary) {
        int n = train.items();
        // G's lower triangle only (row i holds columns 0..i): half the memory and work
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            g[i] = new double[i + 1];
            g[i][i] = lambda;
        }
        for (int u = 0; u < train.users(); u++) {
            SparseVector row = train.row(u);
            for (int a = 0; a < row.size(); a++) {
                double va = binary ? 1 : row.value(a);
                double[] gRow = g[row.index(a)];
                for (int b = 0; b <= a; b++) {
                    gRow[row.index(b)] += va * (binary ? 1 : row.value(b));
                }
            }
        }
        invertLower(g);
        float[] b = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                // B[j][i] = -P[j][i] / P[i][i]: column i of P scaled by its diagonal
                double pji = j >= i ? g[j][i] : g[i][j];
                b[j * n + i] = i == j ? 0f : (float) (-pji / g[i][i]);
            }
        }
        return b;
    }

    /**
     * Inverts a symmetric positive definite matrix given as its lower triangle ({@code a[i]} holds
     * columns 0..i), in place, with the sweep operator (Goodnight, 1979): sweeping every pivot
     * turns the matrix into minus its inverse. The row updates of each step run in parallel.
     */
    static void invertLower(double[][] a) {
        int n = a.length;
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            double pivot = a[k][k];
            if (!(pivot > 0) || Double.isInfinite(pivot)) {
                throw new InvalidDataException("not positive definite at " + k);
            }
            for (int j = 0; j < n; j++) {
                column[j] = j <= k ? a[k][j] : a[j][k];
            }
            final int kk = k;
            IntStream.range(0, n)
                    .parallel()
                    .forEach(
                            i -> {
                                double f = column[i] / pivot;
                                if (i == kk || f == 0) {
                                    return;
                                }
                                double[] row = a[i];
                                for (int j = 0; j <= i; j++) {
                                    row[j] -= f * column[j];
                                }
                            });
            for (int j = 0; j < n; j++) {
                if (j < k) {
                    a[k][j] = column[j] / pivot;
                } else if (j > k) {
                    a[j][k] = column[j] / pivot;
                }
            }
            a[k][k] = -1 / pivot;
        }
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -row[j];
            }
        }
    }
}
