package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bayesian personalised ranking with matrix factorisation (Rendle et al. 2009): stochastic gradient
 * ascent on {@code ln σ(x_u·(y_i − y_j) + b_i − b_j)} for sampled triples of a user, an item they
 * interacted with (uniform over interactions) and an item they did not (uniform over the
 * catalogue). Weights are ignored: an interaction is a positive. With one thread training is
 * deterministic for a seed; with more, threads update the shared factors without locks (Hogwild,
 * Niu et al. 2011), which is faster but not reproducible bit for bit. Build with {@link
 * #builder()}.
 *
 * @param factors the latent dimension
 * @param epochs passes, each of as many triples as there are interactions
 * @param learningRate the SGD step
 * @param lambda the L2 regularisation of user and item vectors and item biases
 * @param initScale the standard deviation of the initial factors
 * @param foldInEpochs SGD passes over a new user's history when folding it in
 * @param foldInNegatives sampled negatives per history item and fold-in pass
 * @param seed the seed of the initial factors and of sampling
 * @param threads how many threads run SGD
 */
public record Bpr(
        int factors,
        int epochs,
        double learningRate,
        double lambda,
        double initScale,
        int foldInEpochs,
        int foldInNegatives,
        long seed,
        int threads)
        implements RecommenderAlgorithm {
    /** The algorithm's name. */
    public static final String NAME = "bpr";

    /** How often a negative that turns out to be a positive is redrawn before it is used. */
    private static final int REDRAWS = 8;

    public Bpr {
        if (factors < 1 || factors > 1024) {
            throw new IllegalArgumentException("factors must be between 1 and 1024: " + factors);
        }
        if (epochs < 1 || foldInEpochs < 1 || foldInNegatives < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "epochs, foldInEpochs, foldInNegatives and threads must be at least 1");
        }
        if (!(learningRate > 0 && learningRate < 10) || !(lambda >= 0) || !(initScale > 0)) {
            throw new IllegalArgumentException(
                    "learning rate must be in (0, 10), lambda >= 0, initScale > 0");
        }
    }

    /** Returns a builder with the defaults (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", factors);
        m.put("epochs", epochs);
        m.put("learningRate", learningRate);
        m.put("lambda", lambda);
        m.put("initScale", initScale);
        m.put("foldInEpochs", foldInEpochs);
        m.put("foldInNegatives", foldInNegatives);
        m.put("seed", seed);
        m.put("threads", threads);
        return m;
    }

    @Override
    public BprRecommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException(
                    "cannot train " + NAME + " on no interactions (" + train + ")");
        }
        CompressedRows rows = CompressedRows.of(train, w -> 1);
        int[] userOf = new int[rows.size()];
        for (int u = 0; u < rows.rows; u++) {
            for (int e = rows.start[u]; e < rows.start[u + 1]; e++) {
                userOf[e] = u;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = initial(random, train.users());
        float[] y = initial(random, train.items());
        float[] bias = new float[train.items()];
        try (Workers workers = new Workers(threads, NAME)) {
            double[] logLikelihood = new double[threads];
            long[] correct = new long[threads];
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                SplittableRandom[] streams = new SplittableRandom[threads];
                for (int t = 0; t < threads; t++) {
                    streams[t] = random.split();
                }
                int perThread = (rows.size() + threads - 1) / threads;
                workers.forEachThread(
                        t -> {
                            double[] out = new double[2];
                            epoch(rows, userOf, x, y, bias, streams[t], perThread, out);
                            logLikelihood[t] = out[0];
                            correct[t] = (long) out[1];
                        });
                double ll = 0;
                long right = 0;
                for (int t = 0; t < threads; t++) {
                    ll += logLikelihood[t];
                    right += correct[t];
                }
                double samples = (double) perThread * threads;
                progress.info(
                        String.format(
                                Locale.ROOT,
                                "%s: epoch %d/%d mean ln σ %.4f, sampled AUC %.4f (%d ms)",
                                NAME,
                                epoch,
                                epochs,
                                ll / samples,
                                right / samples,
                                (System.nanoTime() - start) / 1_000_000));
            }
        }
        return new BprRecommender(
                new Factors(factors, x, y, NAME),
                bias,
                learningRate,
                lambda,
                foldInEpochs,
                foldInNegatives,
                seed);
    }

    /** One thread's share of an epoch; {@code out} gets the summed ln σ and the correct count. */
    private void epoch(
            CompressedRows rows,
            int[] userOf,
            float[] x,
            float[] y,
            float[] bias,
            SplittableRandom random,
            int samples,
            double[] out) {
        int k = factors;
        int items = rows.columns;
        float lr = (float) learningRate;
        float reg = (float) lambda;
        double ll = 0;
        long correct = 0;
        for (int s = 0; s < samples; s++) {
            int e = random.nextInt(rows.size());
            int u = userOf[e];
            int i = rows.cols[e];
            int j = random.nextInt(items);
            for (int d = 0; d < REDRAWS && rows.contains(u, j); d++) {
                j = random.nextInt(items);
            }
            if (j == i) {
                continue;
            }
            int xu = u * k;
            int yi = i * k;
            int yj = j * k;
            float z = bias[i] - bias[j];
            for (int f = 0; f < k; f++) {
                z += x[xu + f] * (y[yi + f] - y[yj + f]);
            }
            // d ln σ(z) / dz = σ(-z)
            float g = (float) (1 / (1 + Math.exp(z)));
            ll += -Math.log1p(Math.exp(-z));
            correct += z > 0 ? 1 : 0;
            for (int f = 0; f < k; f++) {
                float a = x[xu + f];
                float b = y[yi + f];
                float c = y[yj + f];
                x[xu + f] = a + lr * (g * (b - c) - reg * a);
                y[yi + f] = b + lr * (g * a - reg * b);
                y[yj + f] = c + lr * (-g * a - reg * c);
            }
            bias[i] += lr * (g - reg * bias[i]);
            bias[j] += lr * (-g - reg * bias[j]);
        }
        out[0] = ll;
        out[1] = correct;
    }

    private float[] initial(SplittableRandom random, int rows) {
        float[] v = new float[rows * factors];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (ImplicitAls.gaussian(random) * initScale);
        }
        return v;
    }

    /**
     * Rebuilds a trained recommender.
     *
     * @param p parameters from {@link BprRecommender#parameters()}
     * @return the recommender
     */
    public static BprRecommender fromParameters(Parameters p) {
        return BprRecommender.fromParameters(p);
    }

    /**
     * Collects settings; every one has a default. Not thread-safe.
     *
     * <p>The defaults were measured on seeded latent-factor data (see {@link ImplicitAls.Builder}):
     * 64 factors, 30 epochs, learning rate 0.05, λ = 0.05 (λ = 0.001 to 0.01 overfit, a rate of 0.1
     * was unstable, 0.01 needed 60 epochs), fold-in 30 passes with 4 negatives (as good as the
     * trained vectors; more negatives were slightly worse), one thread so that a seed reproduces a
     * model.
     */
    public static final class Builder {
        private int factors = 64;
        private int epochs = 30;
        private double learningRate = 0.05;
        private double lambda = 0.05;
        private double initScale = 0.1;
        private int foldInEpochs = 30;
        private int foldInNegatives = 4;
        private long seed = 42;
        private int threads = 1;

        private Builder() {}

        /** Sets the latent dimension (default 64). */
        public Builder optFactors(int value) {
            factors = value;
            return this;
        }

        /** Sets the number of epochs (default 30). */
        public Builder optEpochs(int value) {
            epochs = value;
            return this;
        }

        /** Sets the SGD step (default 0.05). */
        public Builder optLearningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Sets the L2 regularisation (default 0.05). */
        public Builder optLambda(double value) {
            lambda = value;
            return this;
        }

        /** Sets the standard deviation of the initial factors (default 0.1). */
        public Builder optInitScale(double value) {
            initScale = value;
            return this;
        }

        /** Sets the SGD passes of a fold-in (default 30). */
        public Builder optFoldInEpochs(int value) {
            foldInEpochs = value;
            return this;
        }

        /** Sets the negatives per history item and fold-in pass (default 4). */
        public Builder optFoldInNegatives(int value) {
            foldInNegatives = value;
            return this;
        }

        /** Sets the seed (default 42). */
        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        /** Sets the number of threads (default 1: deterministic; more run Hogwild). */
        public Builder optThreads(int value) {
            threads = value;
            return this;
        }

        /** Returns the algorithm. */
        public Bpr build() {
            return new Bpr(
                    factors,
                    epochs,
                    learningRate,
                    lambda,
                    initScale,
                    foldInEpochs,
                    foldInNegatives,
                    seed,
                    threads);
        }
    }
}
