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
     * Lambda 200, binary, at most 5,000 items. Measured on a seeded latent-cluster dataset (600
     * users, 300 items, ~20 interactions each; {@code CollaborativeQualityTest}): see the class's
     * test for the sweep; Steck reports 200-1000 on MovieLens-20M and Netflix.
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
        double[][] g = new double[n][n];
        for (int u = 0; u < train.users(); u++) {
            SparseVector row = train.row(u);
            for (int a = 0; a < row.size(); a++) {
                double va = binary ? 1 : row.value(a);
                double[] gRow = g[row.index(a)];
                for (int b = 0; b < row.size(); b++) {
                    gRow[row.index(b)] += va * (binary ? 1 : row.value(b));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        progress.info(NAME + ": inverting the " + n + " x " + n + " Gram matrix");
        invertSymmetricPositiveDefinite(g);
        float[] b = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                // B[j][i] = -P[j][i] / P[i][i]: column i of P scaled by its diagonal
                b[j * n + i] = i == j ? 0f : (float) (-g[j][i] / g[i][i]);
            }
        }
        progress.info(NAME + ": trained on " + train.size() + " interactions, lambda " + lambda);
        return new Model(binary, n, b);
    }

    /**
     * Inverts a symmetric positive definite matrix in place by Gauss-Jordan elimination without
     * pivoting (stable for such matrices: every pivot is a positive Schur complement). The
     * eliminations of the other rows run in parallel.
     */
    static void invertSymmetricPositiveDefinite(double[][] a) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double pivot = a[k][k];
            if (!(pivot > 0)) {
                throw new InvalidDataException(
                        NAME + ": the Gram matrix is not positive definite at item " + k);
            }
            double[] rowK = a[k];
            rowK[k] = 1;
            double inverse = 1 / pivot;
            for (int j = 0; j < n; j++) {
                rowK[j] *= inverse;
            }
            final int kk = k;
            IntStream.range(0, n)
                    .parallel()
                    .forEach(
                            i -> {
                                if (i == kk) {
                                    return;
                                }
                                double[] rowI = a[i];
                                double f = rowI[kk];
                                if (f == 0) {
                                    return;
                                }
                                rowI[kk] = 0;
                                for (int j = 0; j < n; j++) {
                                    rowI[j] -= f * rowK[j];
                                }
                            });
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
