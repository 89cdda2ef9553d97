package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.Locale;

/**
 * A trained implicit ALS model: a known user is scored with their trained vector, anyone else by
 * folding in their history, i.e. solving their least-squares system exactly against the fixed item
 * factors (so three new likes change the list at once, without retraining). Immutable and
 * thread-safe.
 */
public final class ImplicitAlsRecommender implements Recommender {
    private final Factors factors;
    private final ImplicitAls.Confidence confidence;
    private final double alpha;
    private final double epsilon;
    private final double lambda;
    private final ImplicitAls.Regularization regularization;
    private final double loss;
    private final double[] gram;

    ImplicitAlsRecommender(
            Factors factors,
            ImplicitAls.Confidence confidence,
            double alpha,
            double epsilon,
            double lambda,
            ImplicitAls.Regularization regularization,
            double loss) {
        this.factors = factors;
        this.confidence = confidence;
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.regularization = regularization;
        this.loss = loss;
        this.gram = AlsSolver.gram(factors.item, factors.k);
    }

    /**
     * Rebuilds a trained recommender.
     *
     * @param p parameters from {@link #parameters()}
     * @return the recommender
     * @throws InvalidDataException if they are not ALS parameters or do not fit together
     */
    public static ImplicitAlsRecommender fromParameters(Parameters p) {
        if (!ImplicitAls.NAME.equals(p.algorithm())) {
            throw new InvalidDataException(
                    "not " + ImplicitAls.NAME + " parameters: " + p.algorithm());
        }
        return new ImplicitAlsRecommender(
                new Factors(
                        (int) p.number("factors"),
                        p.floats("userFactors"),
                        p.floats("itemFactors"),
                        ImplicitAls.NAME),
                choice(ImplicitAls.Confidence.class, p.text("confidence")),
                p.number("alpha"),
                p.number("epsilon"),
                p.number("lambda"),
                choice(ImplicitAls.Regularization.class, p.text("regularization")),
                p.number("loss"));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(
                    "unknown ALS "
                            + type.getSimpleName().toLowerCase(Locale.ROOT)
                            + " '"
                            + value
                            + "'",
                    e);
        }
    }

    @Override
    public String algorithm() {
        return ImplicitAls.NAME;
    }

    @Override
    public int items() {
        return factors.items;
    }

    /** How many users it was trained on. */
    public int users() {
        return factors.users;
    }

    /** The training objective after the last sweep, per unit of confidence. */
    public double trainingLoss() {
        return loss;
    }

    /**
     * Scores every item. A user index ({@code >= 0}) uses that user's trained vector; -1 folds in
     * the history (entries with a weight of 0 or less are ignored). An empty history gets the mean
     * trained user, a popularity-like list.
     */
    @Override
    public float[] score(int user, SparseVector history) {
        factors.checkHistory(history);
        float[] x = user >= 0 ? factors.user(user) : foldIn(history);
        return factors.scores(x, null);
    }

    /** The user vector that best explains a history against the fixed item factors. */
    float[] foldIn(SparseVector history) {
        int n = 0;
        int[] cols = new int[history.size()];
        float[] conf = new float[history.size()];
        for (int e = 0; e < history.size(); e++) {
            if (history.value(e) > 0) {
                cols[n] = history.index(e);
                conf[n] =
                        (float)
                                ImplicitAls.confidence(
                                        confidence, alpha, epsilon, history.value(e));
                n++;
            }
        }
        if (n == 0) {
            return factors.meanUser();
        }
        float[] x = new float[factors.k];
        new AlsSolver(factors.k, gram, factors.item, cols, conf)
                .exact(regularization.of(lambda, n), 0, n, x, 0);
        return x;
    }

    @Override
    public float[] similarItems(int item) {
        return factors.cosine(item);
    }

    /**
     * The ALS objective of these factors on some interactions, per unit of confidence: {@code Σ c
     * (p − xᵀy)²} over every user-item cell plus {@code Σ λ_u |x_u|² + Σ λ_i |y_i|²}, divided by
     * {@code Σ c}.
     *
     * @param data interactions over the same users and items (e.g. the training matrix)
     * @return the loss
     */
    public double loss(InteractionMatrix data) {
        if (data.users() != factors.users || data.items() != factors.items) {
            throw new InvalidDataException(
                    "the data ("
                            + data
                            + ") does not match the model ("
                            + factors.users
                            + " users x "
                            + factors.items
                            + " items)");
        }
        return objective(
                CompressedRows.of(data, w -> ImplicitAls.confidence(confidence, alpha, epsilon, w)),
                CompressedRows.of(data.transpose(), w -> 1),
                factors.user,
                factors.item,
                factors.k,
                lambda,
                regularization);
    }

    static double objective(
            CompressedRows rows,
            CompressedRows columns,
            float[] x,
            float[] y,
            int k,
            double lambda,
            ImplicitAls.Regularization regularization) {
        // unobserved cells add (x.y)^2 each; summed over all items that is x'(Y'Y)x, and the
        // observed ones are corrected: c(1 - s)^2 - s^2
        double[] g = AlsSolver.gram(y, k);
        double total = 0;
        double mass = (double) rows.rows * rows.columns;
        for (int u = 0; u < rows.rows; u++) {
            int o = u * k;
            double reg = regularization.of(lambda, rows.start[u + 1] - rows.start[u]);
            for (int i = 0; i < k; i++) {
                double xi = x[o + i];
                double s = reg * xi;
                for (int j = 0; j < k; j++) {
                    s += g[i * k + j] * x[o + j];
                }
                total += xi * s;
            }
            for (int e = rows.start[u]; e < rows.start[u + 1]; e++) {
                int b = rows.cols[e] * k;
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += x[o + f] * y[b + f];
                }
                double c = rows.values[e];
                total += c * (1 - s) * (1 - s) - s * s;
                mass += c - 1;
            }
        }
        for (int i = 0; i < columns.rows; i++) {
            double reg = regularization.of(lambda, columns.start[i + 1] - columns.start[i]);
            for (int f = 0; f < k; f++) {
                total += reg * y[i * k + f] * y[i * k + f];
            }
        }
        return total / mass;
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(ImplicitAls.NAME)
                .put("factors", factors.k)
                .put("userFactors", factors.user)
                .put("itemFactors", factors.item)
                .put("confidence", confidence.name().toLowerCase(Locale.ROOT))
                .put("alpha", alpha)
                .put("epsilon", epsilon)
                .put("lambda", lambda)
                .put("regularization", regularization.name().toLowerCase(Locale.ROOT))
                .put("loss", loss)
                .build();
    }
}
