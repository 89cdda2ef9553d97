package dev.worldmind.spark;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.Parameters;
import dev.worldmind.model.recommend.Recommender;

/**
 * The factors Spark's implicit ALS learned, held in plain float arrays: a known user's score for an
 * item is the dot product of their factors; a new user (or one with new interactions) is folded in
 * by solving the same implicit least squares Spark solves, against the fixed item factors; similar
 * items are the cosine of item factors. Needs no Spark to score or to load. Immutable and
 * thread-safe.
 */
public final class SparkAlsRecommender implements Recommender {
    private final int factors;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final double alpha;
    private final double regularisation;
    private final double[] gram;

    /**
     * Wraps trained factors.
     *
     * @param factors the number of factors per user and item
     * @param userFactors one row of {@code factors} per training user, row-major (not copied)
     * @param itemFactors one row of {@code factors} per item, row-major (not copied)
     * @param alpha the confidence scale it was trained with
     * @param regularisation the regularisation it was trained with (Spark's {@code regParam})
     */
    SparkAlsRecommender(
            int factors,
            float[] userFactors,
            float[] itemFactors,
            double alpha,
            double regularisation) {
        if (factors < 1 || userFactors.length % factors != 0 || itemFactors.length % factors != 0) {
            throw new InvalidDataException(
                    "factor arrays of "
                            + userFactors.length
                            + " and "
                            + itemFactors.length
                            + " floats do not hold rows of "
                            + factors);
        }
        this.factors = factors;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.alpha = alpha;
        this.regularisation = regularisation;
        this.gram = ImplicitSolve.gram(itemFactors, factors);
    }

    /**
     * Rebuilds a trained recommender.
     *
     * @param p parameters from {@link #parameters()}
     * @return the recommender
     */
    public static SparkAlsRecommender fromParameters(Parameters p) {
        if (!SparkAls.NAME.equals(p.algorithm())) {
            throw new InvalidDataException(
                    "parameters of '" + p.algorithm() + "', not " + SparkAls.NAME);
        }
        return new SparkAlsRecommender(
                (int) p.number("factors"),
                p.floats("userFactors"),
                p.floats("itemFactors"),
                p.number("alpha"),
                p.number("regularisation"));
    }

    @Override
    public String algorithm() {
        return SparkAls.NAME;
    }

    @Override
    public int items() {
        return itemFactors.length / factors;
    }

    /** How many training users it has factors for. */
    public int users() {
        return userFactors.length / factors;
    }

    /** The number of factors per user and item. */
    public int factors() {
        return factors;
    }

    /**
     * One user's factors: the trained ones for a known user, else solved from the history.
     *
     * @param user the training user's index, or -1
     * @param history the user's interactions
     * @return a new array of {@link #factors()} floats
     */
    public float[] userFactors(int user, SparseVector history) {
        if (user >= 0 && user < users()) {
            float[] x = new float[factors];
            System.arraycopy(userFactors, user * factors, x, 0, factors);
            return x;
        }
        return ImplicitSolve.user(history, itemFactors, gram, factors, alpha, regularisation);
    }

    @Override
    public float[] score(int user, SparseVector history) {
        float[] x = userFactors(user, history);
        float[] scores = new float[items()];
        for (int i = 0; i < scores.length; i++) {
            int off = i * factors;
            double s = 0;
            for (int f = 0; f < factors; f++) {
                s += x[f] * itemFactors[off + f];
            }
            scores[i] = (float) s;
        }
        return scores;
    }

    @Override
    public float[] similarItems(int item) {
        if (item < 0 || item >= items()) {
            throw new IllegalArgumentException(
                    "item " + item + " is outside the model's " + items() + " items");
        }
        int q = item * factors;
        double qn = norm(q);
        float[] sims = new float[items()];
        for (int i = 0; i < sims.length; i++) {
            int off = i * factors;
            double dot = 0;
            for (int f = 0; f < factors; f++) {
                dot += itemFactors[q + f] * itemFactors[off + f];
            }
            double n = qn * norm(off);
            sims[i] = n == 0 ? 0f : (float) (dot / n);
        }
        return sims;
    }

    private double norm(int off) {
        double s = 0;
        for (int f = 0; f < factors; f++) {
            s += itemFactors[off + f] * itemFactors[off + f];
        }
        return Math.sqrt(s);
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(SparkAls.NAME)
                .put("factors", factors)
                .put("alpha", alpha)
                .put("regularisation", regularisation)
                .put("userFactors", userFactors)
                .put("itemFactors", itemFactors)
                .build();
    }
}
