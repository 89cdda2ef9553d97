package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * EASE<sup>R</sup> (Steck, 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): one dense
 * item-by-item weight matrix {@code B} that predicts each item from all the others, learnt in
 * closed form. With {@code G = XᵀX + λI} and {@code P = G⁻¹}, {@code B = -P / diag(P)} column by
 * column and {@code diag(B) = 0}; a user's scores are {@code history · B}. {@code B} holds items²
 * floats and training needs a few dense matrices of doubles on the smaller side (users or items,
 * see {@link EaseWeights}), so a fit first checks that the heap can hold them and otherwise refuses
 * with the memory it needs. Immutable and thread-safe.
 *
 * @param lambda the L2 penalty added to the Gram matrix's diagonal
 * @param binary whether to count an interaction as 1 (in training and in histories) instead of its
 *     weight
 */
public record Ease(double lambda, boolean binary) implements RecommenderAlgorithm {
    /** The algorithm's name. */
    public static final String NAME = "ease";

    /** The default penalty: 300 (see {@link #defaults()}). */
    public static final double DEFAULT_LAMBDA = 300;

    /**
     * Heap kept free for everything else while EASE trains: 10 % of the maximum, at least 64 MiB.
     */
    private static final double HEAP_MARGIN = 0.1;

    public Ease {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda is finite and positive: " + lambda);
        }
    }

    /**
     * Lambda 300, binary: chosen by NDCG@10 on the dev splits (generator seed 42, split seed 1, 20
     * % of each user's items held out) of both synthetic presets ({@code EaseSweepTest}): on {@code
     * defaults()} (6,000 users x 3,000 items) lambda 200 / 300 / 400 / 800 give 0.3649 / 0.3668 /
     * 0.3667 / 0.3644, on {@code movies()} (600 x 10,000) 0.4263 / 0.4266 / 0.4253 / 0.4164; 300 is
     * best on both, and no rule scaled by the data fits better: the mean count per item differs
     * 8.6-fold between the presets (76.5 and 8.9) and the best lambda does not move. On the test
     * splits (seeds 7 and 2, not used for the choice) lambda 300 gives 0.3618 and 0.4379 (200:
     * 0.3595, 0.4362). Binary beat weighted clearly in the earlier sweep (0.452 and 0.365 weighted
     * at lambda 500, {@code CollaborativeSweepTest}). Steck reports 200-1000 for MovieLens-20M and
     * Netflix.
     */
    public static Ease defaults() {
        return new Ease(DEFAULT_LAMBDA, true);
    }

    /** Returns this configuration with another penalty. */
    public Ease withLambda(double newLambda) {
        return new Ease(newLambda, binary);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("lambda", lambda, "binary", binary);
    }

    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        return fit(train, progress, Ease::freeHeap);
    }

    /**
     * Trains within a memory budget.
     *
     * @param train the training interactions
     * @param progress told about each phase
     * @param budget the bytes it may use; asked again (after a collection) before refusing
     * @return the recommender
     * @throws InvalidDataException if there are no interactions or the budget is too small
     */
    Recommender fit(InteractionMatrix train, ProgressMonitor progress, LongSupplier budget) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        int n = train.items();
        if (n > EaseWeights.MAX_ITEMS || Math.min(n, train.users()) > EaseWeights.MAX_ITEMS) {
            throw new InvalidDataException(
                    String.format(
                            Locale.ROOT,
                            "%s refuses %,d items and %,d users: its dense matrices hold at most"
                                    + " %,d on a side (use k-core filtering, e.g. --kcore 5, or"
                                    + " item-knn)",
                            NAME,
                            n,
                            train.users(),
                            EaseWeights.MAX_ITEMS));
        }
        EaseWeights.Plan plan =
                EaseWeights.plan(train.users(), n, SymmetricInverse.nativeBytesFree());
        long needed = plan.heapBytes();
        long free = budget.getAsLong();
        if (needed > free) {
            // garbage from earlier work counts as used until it is collected: look once more
            System.gc();
            free = budget.getAsLong();
        }
        if (needed > free) {
            throw new InvalidDataException(
                    String.format(
                            Locale.ROOT,
                            "%s needs about %s of heap for %,d items and %,d users (its item x item"
                                    + " weights and the dense %s matrices it inverts) but only %s"
                                    + " is free: give Java more memory (-Xmx, e.g."
                                    + " WORLDMIND_JAVA_OPTS=-Xmx%dg for the worldmind command,"
                                    + " JAVA_OPTS elsewhere), or train on fewer items (--kcore 5"
                                    + " drops rarely seen ones), or use item-knn",
                            NAME,
                            mebibytes(needed),
                            n,
                            train.users(),
                            plan.side() == EaseWeights.Side.ITEMS ? "item x item" : "user x user",
                            mebibytes(free),
                            suggestedHeapGiB(needed, free)));
        }
        progress.info(
                String.format(
                        Locale.ROOT,
                        "%s: %,d users x %,d items, lambda %s: inverts the %s side %s, about %s of"
                                + " heap%s",
                        NAME,
                        train.users(),
                        n,
                        lambda,
                        plan.side() == EaseWeights.Side.ITEMS ? "item" : "user",
                        plan.onEngine() ? "with the engine's LAPACK" : "in Java",
                        mebibytes(needed),
                        plan.onEngine()
                                ? " and " + mebibytes(plan.nativeBytes()) + " outside it"
                                : ""));
        return new Model(binary, n, EaseWeights.compute(train, lambda, binary, plan, progress));
    }

    /** The heap not in use now, less a margin for the rest of the program. */
    static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long used = rt.totalMemory() - rt.freeMemory();
        long margin = Math.max(64L << 20, (long) (max * HEAP_MARGIN));
        return max - used - margin;
    }

    private static long suggestedHeapGiB(long needed, long free) {
        long max = Runtime.getRuntime().maxMemory();
        long more = needed - free;
        return Math.max(1, (max + more + (1L << 30) - 1) >> 30) + 1;
    }

    private static String mebibytes(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(0, bytes >> 20));
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
    static final class Model implements Recommender {
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
