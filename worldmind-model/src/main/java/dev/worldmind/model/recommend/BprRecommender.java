package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.SparseVector;
import java.util.SplittableRandom;

/**
 * A trained BPR model: a score is {@code b_i + x_u · y_i}. A known user is scored with their
 * trained vector; anyone else's vector is learnt from their history by a few SGD passes on the user
 * vector only (items fixed), with negatives drawn from a generator seeded the same way every time,
 * so the same history always gets the same list. An empty history gets the item biases alone.
 * Immutable and thread-safe.
 */
public final class BprRecommender implements Recommender {
    private final Factors factors;
    private final float[] bias;
    private final double learningRate;
    private final double lambda;
    private final int foldInEpochs;
    private final int foldInNegatives;
    private final long seed;

    BprRecommender(
            Factors factors,
            float[] bias,
            double learningRate,
            double lambda,
            int foldInEpochs,
            int foldInNegatives,
            long seed) {
        if (bias.length != factors.items) {
            throw new InvalidDataException(
                    Bpr.NAME + ": " + bias.length + " biases for " + factors.items + " items");
        }
        this.factors = factors;
        this.bias = bias;
        this.learningRate = learningRate;
        this.lambda = lambda;
        this.foldInEpochs = foldInEpochs;
        this.foldInNegatives = foldInNegatives;
        this.seed = seed;
    }

    /**
     * Rebuilds a trained recommender.
     *
     * @param p parameters from {@link #parameters()}
     * @return the recommender
     * @throws InvalidDataException if they are not BPR parameters or do not fit together
     */
    public static BprRecommender fromParameters(Parameters p) {
        if (!Bpr.NAME.equals(p.algorithm())) {
            throw new InvalidDataException("not " + Bpr.NAME + " parameters: " + p.algorithm());
        }
        return new BprRecommender(
                new Factors(
                        (int) p.number("factors"),
                        p.floats("userFactors"),
                        p.floats("itemFactors"),
                        Bpr.NAME),
                p.floats("itemBias"),
                p.number("learningRate"),
                p.number("lambda"),
                (int) p.number("foldInEpochs"),
                (int) p.number("foldInNegatives"),
                Long.parseLong(p.text("seed")));
    }

    @Override
    public String algorithm() {
        return Bpr.NAME;
    }

    @Override
    public int items() {
        return factors.items;
    }

    /** How many users it was trained on. */
    public int users() {
        return factors.users;
    }

    /**
     * Scores every item. A user index ({@code >= 0}) uses that user's trained vector; -1 folds in
     * the history (every stored item counts as a positive, whatever its weight).
     */
    @Override
    public float[] score(int user, SparseVector history) {
        factors.checkHistory(history);
        float[] x = user >= 0 ? factors.user(user) : foldIn(history);
        return factors.scores(x, bias);
    }

    /** Learns a user vector for a history by SGD with the item factors and biases fixed. */
    float[] foldIn(SparseVector history) {
        int k = factors.k;
        float[] x = new float[k];
        int n = history.size();
        int items = factors.items;
        if (n == 0 || n >= items) {
            return x;
        }
        float[] y = factors.item;
        float lr = (float) learningRate;
        float reg = (float) lambda;
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 0; epoch < foldInEpochs; epoch++) {
            for (int h = 0; h < n; h++) {
                int i = history.index(h);
                for (int m = 0; m < foldInNegatives; m++) {
                    int j = random.nextInt(items);
                    while (history.contains(j)) {
                        j = random.nextInt(items);
                    }
                    float z = bias[i] - bias[j];
                    for (int f = 0; f < k; f++) {
                        z += x[f] * (y[i * k + f] - y[j * k + f]);
                    }
                    float g = (float) (1 / (1 + Math.exp(z)));
                    for (int f = 0; f < k; f++) {
                        x[f] += lr * (g * (y[i * k + f] - y[j * k + f]) - reg * x[f]);
                    }
                }
            }
        }
        return x;
    }

    @Override
    public float[] similarItems(int item) {
        return factors.cosine(item);
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(Bpr.NAME)
                .put("factors", factors.k)
                .put("userFactors", factors.user)
                .put("itemFactors", factors.item)
                .put("itemBias", bias)
                .put("learningRate", learningRate)
                .put("lambda", lambda)
                .put("foldInEpochs", foldInEpochs)
                .put("foldInNegatives", foldInNegatives)
                .put("seed", Long.toString(seed))
                .build();
    }
}
