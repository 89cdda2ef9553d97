package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * EASE's closed form, {@code B = -P / diag(P)} with {@code P = (XᵀX + λI)⁻¹}, computed on the
 * smaller side of the interaction matrix {@code X} (users x items). With fewer items than users it
 * inverts the items x items Gram matrix ({@link #primal}); with fewer users, Woodbury's identity
 * {@code (λI + XᵀX)⁻¹ = (I - Xᵀ(λI + XXᵀ)⁻¹X) / λ} needs only the users x users kernel's inverse
 * and sparse products ({@link #dual}), the same {@code B} at a fraction of the work: on 600 users x
 * 10,000 items it is about 10⁹ multiply-adds instead of 10¹², 7 s instead of 170-265 s (see {@code
 * bench/ease-fit}). Both build their dense matrix from the sparse rows, in parallel. A large
 * inverse goes to the default DJL engine (libtorch's LAPACK), off the heap, when there is one and
 * the machine's free memory holds it; otherwise {@link SymmetricInverse#sweep} does it on the heap.
 * Stateless.
 */
final class EaseWeights {
    private static final String NAME_PREFIX = Ease.NAME + ": ";

    private EaseWeights() {}

    /** Which side is inverted. */
    enum Side {
        /** The items x items Gram matrix. */
        ITEMS,
        /** The users x users kernel, through Woodbury's identity. */
        USERS;

        static Side of(int users, int items) {
            return users < items ? USERS : ITEMS;
        }
    }

    /**
     * How a fit will go: which side it inverts, and whether the engine inverts it off the heap.
     *
     * @param side the side inverted
     * @param onEngine whether the engine's LAPACK inverts it (else the sweep operator on the heap)
     * @param heapBytes the heap it needs at its peak, a little over
     * @param nativeBytes the memory outside the heap it needs (0 without the engine)
     */
    record Plan(Side side, boolean onEngine, long heapBytes, long nativeBytes) {
        /** The inverse the plan uses. */
        SymmetricInverse inverse() {
            return onEngine
                    ? (a, n) -> SymmetricInverse.onEngine(a, n, single())
                    : SymmetricInverse::sweep;
        }

        /**
         * Whether the engine inverts in float32: only the Gram side. Woodbury's side subtracts from
         * 1 (its {@code 1 - Q[i][i]} is small for an item seen far more often than lambda), so it
         * keeps float64.
         */
        boolean single() {
            return ENGINE_SINGLE && side == Side.ITEMS;
        }
    }

    /** Below this order the sweep takes about a second or less, no more than starting an engine. */
    static final int ENGINE_MIN_ORDER = 1_500;

    /** The largest catalogue whose items² weights fit one Java array. */
    static final int MAX_ITEMS = 46_340;

    /**
     * Whether the engine inverts in float32: on binary data it changes no ranking. Measured side by
     * side with float64 ({@code EaseSweepTest}, dev splits, lambda 300): NDCG@10 identical to 5
     * places on both presets (0.36682 on {@code defaults()}, 0.42661 on {@code movies()}), fit 1.8
     * s against 3.1 s at 2,996 items and 37 s against 46 s at 9,106; weights within 1e-7 of the
     * float64 user-kernel side's at 10,000 items, fit 170 s against 265 s there (bench/ease-fit,
     * load 14 on 2 cores).
     */
    static final boolean ENGINE_SINGLE = true;

    /**
     * Plans a fit: the smaller side; on the engine when one with a dense inverse is there, the
     * matrix is large enough to be worth it, and the machine's free memory holds the engine's
     * copies ({@link SymmetricInverse#nativeBytesFree}); otherwise the sweep operator, on the heap.
     *
     * @param users the training users
     * @param items the catalogue
     * @param nativeFree the memory outside the heap that may be used
     * @return the plan
     */
    static Plan plan(int users, int items, long nativeFree) {
        Side side = Side.of(users, items);
        long order = side == Side.ITEMS ? items : users;
        long dense = 8L * order * order;
        // the input buffer, its tensor, the inverse, LAPACK's work space and the output buffer
        long buffer = (ENGINE_SINGLE && side == Side.ITEMS ? 4 : 8) * order * order;
        long nativeNeeded = 5 * buffer;
        boolean onEngine =
                order >= ENGINE_MIN_ORDER
                        // one buffer holds at most 2 GiB
                        && buffer <= Integer.MAX_VALUE
                        && nativeNeeded <= nativeFree
                        && SymmetricInverse.engineAvailable();
        long weights = 4L * items * items;
        long threads = Runtime.getRuntime().availableProcessors();
        // both inverses write into the matrix's own array; the sweep also holds a lower triangle
        long matrices = onEngine ? dense : dense + dense / 2;
        long heap =
                side == Side.ITEMS
                        ? Math.max(matrices, dense + weights)
                        : matrices + weights + 8L * users * items + threads * 8L * items;
        return new Plan(side, onEngine, heap, onEngine ? nativeNeeded : 0);
    }

    /**
     * Computes {@code B}, row-major: row {@code j} is what item {@code j} adds to each item, the
     * diagonal is 0.
     *
     * @param x the training interactions
     * @param lambda the penalty on the Gram matrix's diagonal
     * @param binary whether each interaction counts 1 instead of its weight
     * @param plan how, from {@link #plan}
     * @param progress told about each phase and its time
     * @return {@code B}, items² floats
     * @throws InvalidDataException if a matrix turns out not positive definite (non-finite weights)
     */
    static float[] compute(
            InteractionMatrix x,
            double lambda,
            boolean binary,
            Plan plan,
            ProgressMonitor progress) {
        return plan.side() == Side.USERS
                ? dual(x, lambda, binary, progress, plan.inverse())
                : primal(x, lambda, binary, progress, plan.inverse());
    }

    /** Inverts the items x items Gram matrix. */
    static float[] primal(
            InteractionMatrix x,
            double lambda,
            boolean binary,
            ProgressMonitor progress,
            SymmetricInverse inverse) {
        int n = x.items();
        InteractionMatrix t = x.transpose();
        long t0 = System.nanoTime();
        double[] g = gram(t, x, lambda, binary);
        phase(progress, "Gram matrix " + n + " x " + n, t0);
        long t1 = System.nanoTime();
        progress.info(NAME_PREFIX + "inverting the " + n + " x " + n + " Gram matrix");
        double[] p = inverse.of(g, n);
        phase(progress, "inverse of the " + n + " x " + n + " Gram matrix", t1);
        long t2 = System.nanoTime();
        float[] b = new float[n * n];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        j -> {
                            int base = j * n;
                            for (int i = 0; i < n; i++) {
                                // P is symmetric: B[j][i] = -P[j][i] / P[i][i]
                                b[base + i] = i == j ? 0f : (float) (-p[base + i] / p[i * n + i]);
                            }
                        });
        phase(progress, "weights", t2);
        return b;
    }

    /**
     * {@code A Aᵀ + λI}, dense, for the rows of {@code a} (items x items with {@code a} the item
     * columns, users x users with {@code a} the user rows). Row i is the sum, over the entries
     * {@code a_ij} of row i, of {@code a_ij} times row j of {@code aT}; a row per task, so no two
     * threads write the same cell.
     *
     * @param a the rows
     * @param aT the same matrix transposed
     */
    private static double[] gram(
            InteractionMatrix a, InteractionMatrix aT, double lambda, boolean binary) {
        int n = a.users();
        double[] g = new double[n * n];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        i -> {
                            SparseVector row = a.row(i);
                            int base = i * n;
                            for (int e = 0; e < row.size(); e++) {
                                double v = value(row, e, binary);
                                SparseVector other = aT.row(row.index(e));
                                for (int f = 0; f < other.size(); f++) {
                                    g[base + other.index(f)] += v * value(other, f, binary);
                                }
                            }
                            g[base + i] += lambda;
                        });
        return g;
    }

    /** Inverts the users x users kernel and applies Woodbury's identity. */
    static float[] dual(
            InteractionMatrix x,
            double lambda,
            boolean binary,
            ProgressMonitor progress,
            SymmetricInverse inverse) {
        int n = x.items();
        int m = x.users();
        InteractionMatrix t = x.transpose();
        long t0 = System.nanoTime();
        double[] k = gram(x, t, lambda, binary);
        double[] kInv = inverse.of(k, m);
        phase(progress, "inverse of the " + m + " x " + m + " user kernel", t0);
        long t1 = System.nanoTime();
        // Y = K⁻¹X, users x items: column j sums the kernel inverse's columns of item j's users
        double[] y = new double[m * n];
        IntStream.range(0, m)
                .parallel()
                .forEach(
                        u -> {
                            int kBase = u * m;
                            int yBase = u * n;
                            for (int j = 0; j < n; j++) {
                                SparseVector c = t.row(j);
                                double sum = 0;
                                for (int b = 0; b < c.size(); b++) {
                                    sum += kInv[kBase + c.index(b)] * value(c, b, binary);
                                }
                                y[yBase + j] = sum;
                            }
                        });
        // Q = XᵀY; P = (I - Q) / λ, so -P[j][i] / P[i][i] = Q[j][i] / (1 - Q[i][i])
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            SparseVector c = t.row(i);
            double q = 0;
            for (int b = 0; b < c.size(); b++) {
                q += value(c, b, binary) * y[c.index(b) * n + i];
            }
            scale[i] = 1 / (1 - q);
            if (!(scale[i] > 0) || Double.isInfinite(scale[i])) {
                throw new InvalidDataException(
                        Ease.NAME + ": the Gram matrix is not positive definite at item " + i);
            }
        }
        float[] out = new float[n * n];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        j -> {
                            double[] row = new double[n];
                            SparseVector c = t.row(j);
                            for (int b = 0; b < c.size(); b++) {
                                double v = value(c, b, binary);
                                int base = c.index(b) * n;
                                for (int i = 0; i < n; i++) {
                                    row[i] += v * y[base + i];
                                }
                            }
                            int base = j * n;
                            for (int i = 0; i < n; i++) {
                                out[base + i] = i == j ? 0f : (float) (row[i] * scale[i]);
                            }
                        });
        phase(progress, "weights", t1);
        return out;
    }

    /** A recommender over weights computed here (for comparing ways of computing them). */
    static Recommender recommender(boolean binary, int items, float[] b) {
        return new Ease.Model(binary, items, b);
    }

    private static double value(SparseVector v, int k, boolean binary) {
        return binary ? 1 : v.value(k);
    }

    private static void phase(ProgressMonitor progress, String what, long since) {
        progress.info(
                String.format(
                        Locale.ROOT,
                        "%s: %s done in %.1f s",
                        Ease.NAME,
                        what,
                        (System.nanoTime() - since) / 1e9));
    }
}
