package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * EASE<sup>R</sup> (Steck, 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): one dense
 * item-by-item weight matrix {@code B} that predicts each item from all the others, learnt in
 * closed form. With {@code G = XᵀX + λI} and {@code P = G⁻¹}, {@code B = -P / diag(P)} column by
 * column and {@code diag(B) = 0}; a user's scores are {@code history · B}. {@code B} holds items²
 * floats and training inverts an items² matrix of doubles, so catalogues above {@code maxItems} are
 * refused. Immutable and thread-safe.
 *
 * @param lambda the L2 penalty added to the Gram matrix's diagonal
 * @param binary whether to count an interaction as 1 (in training and in histories) instead of its
 *     weight
 * @param maxItems the largest catalogue it agrees to train on (memory grows with its square)
 */
public record Ease(double lambda, boolean binary, int maxItems) implements RecommenderAlgorithm {
    /** The algorithm's name. */
    public static final String NAME = "ease";

    /** The default penalty: 200 (see {@link #defaults()}). */
    public static final double DEFAULT_LAMBDA = 200;

    /** The default catalogue limit: 5,000 items (200 MB of doubles while training). */
    public static final int DEFAULT_MAX_ITEMS = 5_000;

    public Ease {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda is finite and positive: " + lambda);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems is at least 1: " + maxItems);
        }
    }

    /**
     * Lambda 200, binary, at most 5,000 items: measured by NDCG@10 on two seeded latent-cluster
     * datasets with 20% of each user's items held out ({@code CollaborativeSweepTest}): on 600
     * users x 300 items lambda 100 and 200 tie (0.489, 0.488; 500 gives 0.475), on 6,000 x 3,000
     * 200-500 are within 0.003 (0.461-0.463; 100 gives 0.448). Binary beat weighted clearly (0.452
     * and 0.365 weighted at lambda 500). Steck reports 200-1000 for MovieLens-20M and Netflix.
     */
    public static Ease defaults() {
        return new Ease(DEFAULT_LAMBDA, true, DEFAULT_MAX_ITEMS);
    }

    /** Returns this configuration with another penalty. */
    public Ease withLambda(double newLambda) {
        return new Ease(newLambda, binary, maxItems);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("lambda", lambda, "binary", binary, "maxItems", maxItems);
    }

    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        int n = train.items();
        if (n > maxItems) {
            throw new InvalidDataException(
                    NAME
                            + " refuses "
                            + n
                            + " items: its dense item-by-item matrix needs items² memory and the"
                            + " limit is "
                            + maxItems
                            + " (raise maxItems, or use item-knn)");
        }
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
        progress.info(NAME + ": inverting the " + n + " x " + n + " Gram matrix");
        invertLower(g);
        float[] b = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                // B[j][i] = -P[j][i] / P[i][i]: column i of P scaled by its diagonal
                double pji = j >= i ? g[j][i] : g[i][j];
                b[j * n + i] = i == j ? 0f : (float) (-pji / g[i][i]);
            }
        }
        progress.info(NAME + ": trained on " + train.size() + " interactions, lambda " + lambda);
        return new Model(binary, n, b);
    }

    /**
     * Inverts a symmetric positive definite matrix given as its lower triangle ({@code a[i]} holds
     * columns 0..i), in place, with the sweep operator (Goodnight, 1979): sweeping every pivot
     * turns the matrix into minus its inverse, and symmetry is kept, so only the lower triangle is
     * touched (half the work of Gauss-Jordan). No pivoting is needed: each pivot is a positive
     * Schur complement. The row updates of each step run in parallel.
     *
     * @param a the lower triangle, replaced by that of the inverse
     * @throws InvalidDataException if the matrix is not positive definite
     */
    static void invertLower(double[][] a) {
        int n = a.length;
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            double pivot = a[k][k];
            if (!(pivot > 0) || Double.isInfinite(pivot)) {
                throw new InvalidDataException(
                        NAME + ": the Gram matrix is not positive definite at item " + k);
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

    /**
     * Rebuilds a trained EASE recommender.
     *
     * @param p parameters from its {@link Recommender#parameters()}
     * @return the recommender
     * @throws InvalidDataException if the parameters are not EASE's or are inconsistent
     */
    public static Recommender fromParameters(Parameters p) {
        if (!NAME.equals(p.algorithm())) {
            throw new InvalidDataException("not " + NAME + " parameters: " + p.algorithm());
        }
        int n = (int) p.number("items");
        float[] b = p.floats("weights");
        if (n < 0 || (long) n * n != b.length) {
            throw new InvalidDataException(
                    NAME + " parameters: " + b.length + " weights for " + n + " items");
        }
        return new Model(p.number("binary") != 0, n, b);
    }

    /** The trained weights, row-major: row {@code j} is what item {@code j} adds to each item. */
    private static final class Model implements Recommender {
        private final boolean binary;
        private final int n;
        private final float[] b;

        Model(boolean binary, int n, float[] b) {
            this.binary = binary;
            this.n = n;
            this.b = b;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public int items() {
            return n;
        }

        @Override
        public float[] score(int user, SparseVector history) {
            float[] scores = new float[n];
            for (int h = 0; h < history.size(); h++) {
                int j = history.index(h);
                if (j >= n) {
                    throw new IllegalArgumentException(
                            "history item " + j + " is not in the catalogue of " + n);
                }
                float w = binary ? 1f : history.value(h);
                int base = j * n;
                for (int i = 0; i < n; i++) {
                    scores[i] += w * b[base + i];
                }
            }
            return scores;
        }

        /**
         * Row {@code item} of {@code B}: how much a history of just this item raises each other
         * item, i.e. exactly the scores it would get alone, so "similar items" agree with the
         * recommendations. The item itself is 0 ({@code B}'s diagonal is held at 0). Weights can be
         * negative (items that substitute for each other).
         */
        @Override
        public float[] similarItems(int item) {
            float[] row = new float[n];
            System.arraycopy(b, item * n, row, 0, n);
            return row;
        }

        @Override
        public Parameters parameters() {
            return Parameters.builder(NAME)
                    .put("binary", binary ? 1 : 0)
                    .put("items", n)
                    .put("weights", b)
                    .build();
        }
    }
}
