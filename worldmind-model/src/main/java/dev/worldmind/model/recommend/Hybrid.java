package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A weighted blend of several recommenders, e.g. collaborative filtering for items with history and
 * content for new ones. Components score on different scales (shrunk cosine sums, regression
 * weights, cosines), so each component's scores for one user are first normalised over all items,
 * by z-score (default) or min-max, then summed with the weights. Non-finite scores count as the
 * component's lowest. Immutable and thread-safe.
 */
public final class Hybrid implements RecommenderAlgorithm {
    /** The algorithm's name. */
    public static final String NAME = "hybrid";

    /** How one component's scores for one user are put on a common scale. */
    public enum Normalisation {
        /**
         * Subtract the mean, divide by the standard deviation (all 0 when every score is equal).
         */
        Z_SCORE,
        /** Map the lowest score to 0 and the highest to 1 (all 0 when every score is equal). */
        MIN_MAX
    }

    private final List<RecommenderAlgorithm> components;
    private final double[] weights;
    private final Normalisation normalisation;

    private Hybrid(
            List<RecommenderAlgorithm> components, double[] weights, Normalisation normalisation) {
        this.components = components;
        this.weights = weights;
        this.normalisation = normalisation;
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default blend: 0.8 collaborative plus 0.2 content, z-scored.
     *
     * @param collaborative e.g. {@link ItemKnn#defaults()} or {@link Ease#defaults()}
     * @param content e.g. a {@link ContentBased}
     * @return the configuration
     */
    public static Hybrid defaults(
            RecommenderAlgorithm collaborative, RecommenderAlgorithm content) {
        return builder().add(collaborative, 0.8).add(content, 0.2).build();
    }

    /**
     * Blends recommenders that are already trained on the same items.
     *
     * @param recommenders the components
     * @param weights one weight per component
     * @param normalisation how each component's scores are normalised
     * @return the blend
     * @throws IllegalArgumentException if the counts disagree, a weight is not finite, or the
     *     components score different numbers of items
     */
    public static Recommender blend(
            List<Recommender> recommenders, double[] weights, Normalisation normalisation) {
        return new Model(List.copyOf(recommenders), weights.clone(), normalisation);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("normalisation", normalisation.name().toLowerCase(Locale.ROOT));
        for (int c = 0; c < components.size(); c++) {
            config.put("c" + c, components.get(c).name());
            config.put("c" + c + ".weight", weights[c]);
            for (Map.Entry<String, Object> e : components.get(c).config().entrySet()) {
                config.put("c" + c + "." + e.getKey(), e.getValue());
            }
        }
        return config;
    }

    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        List<Recommender> trained = new ArrayList<>();
        for (RecommenderAlgorithm component : components) {
            progress.info(NAME + ": training " + component.name());
            trained.add(component.fit(train, progress));
        }
        return new Model(trained, weights, normalisation);
    }

    /**
     * Rebuilds a trained blend and its components.
     *
     * @param p parameters from its {@link Recommender#parameters()}
     * @param rebuild rebuilds one component from its parameters, e.g. {@code Recommenders::of}
     * @return the recommender
     * @throws InvalidDataException if the parameters are not a blend's or are inconsistent
     */
    public static Recommender fromParameters(
            Parameters p, Function<Parameters, Recommender> rebuild) {
        if (!NAME.equals(p.algorithm())) {
            throw new InvalidDataException("not " + NAME + " parameters: " + p.algorithm());
        }
        int count = (int) p.number("components");
        List<Recommender> parts = new ArrayList<>();
        double[] weights = new double[Math.max(count, 0)];
        for (int c = 0; c < count; c++) {
            weights[c] = p.number("weight" + c);
            String prefix = "c" + c + ".";
            Parameters.Builder part = Parameters.builder(p.text(prefix + "algorithm"));
            for (String name : p.names()) {
                if (name.startsWith(prefix) && !name.equals(prefix + "algorithm")) {
                    copy(p, name, part, name.substring(prefix.length()));
                }
            }
            parts.add(rebuild.apply(part.build()));
        }
        Normalisation normalisation;
        try {
            normalisation = Normalisation.valueOf(p.text("normalisation"));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(
                    NAME + ": unknown normalisation '" + p.text("normalisation") + "'", e);
        }
        try {
            return new Model(parts, weights, normalisation);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(NAME + " parameters: " + e.getMessage(), e);
        }
    }

    /**
     * Copies one value whatever its type. {@link Parameters} has no untyped getter, so the types
     * are tried in turn (a wrong type fails with an {@link InvalidDataException}).
     */
    private static void copy(Parameters from, String name, Parameters.Builder to, String as) {
        try {
            to.put(as, from.floats(name));
            return;
        } catch (InvalidDataException notFloats) {
            // another type
        }
        try {
            to.put(as, from.ints(name));
            return;
        } catch (InvalidDataException notInts) {
            // another type
        }
        try {
            to.put(as, from.text(name));
            return;
        } catch (InvalidDataException notText) {
            // a number, the last type
        }
        to.put(as, from.number(name));
    }

    /** The trained components and their weights. */
    private static final class Model implements Recommender {
        private final List<Recommender> parts;
        private final double[] weights;
        private final Normalisation normalisation;

        Model(List<Recommender> parts, double[] weights, Normalisation normalisation) {
            if (parts.isEmpty() || parts.size() != weights.length) {
                throw new IllegalArgumentException(
                        parts.size() + " components but " + weights.length + " weights");
            }
            for (int c = 0; c < parts.size(); c++) {
                if (!Double.isFinite(weights[c])) {
                    throw new IllegalArgumentException("weight " + c + " is not finite");
                }
                if (parts.get(c).items() != parts.get(0).items()) {
                    throw new IllegalArgumentException(
                            "components score different catalogues: "
                                    + parts.get(0).items()
                                    + " and "
                                    + parts.get(c).items()
                                    + " items");
                }
            }
            this.parts = parts;
            this.weights = weights;
            this.normalisation = normalisation;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public int items() {
            return parts.get(0).items();
        }

        @Override
        public float[] score(int user, SparseVector history) {
            return combine(c -> parts.get(c).score(user, history));
        }

        /** The components' similarity rows, normalised and blended like scores. */
        @Override
        public float[] similarItems(int item) {
            return combine(c -> parts.get(c).similarItems(item));
        }

        /** True when any component's similarities relate items. */
        @Override
        public boolean explains() {
            return parts.stream().anyMatch(Recommender::explains);
        }

        private float[] combine(Function<Integer, float[]> component) {
            double[] sum = new double[items()];
            for (int c = 0; c < parts.size(); c++) {
                float[] s = component.apply(c);
                double[] n = normalise(s, normalisation);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += weights[c] * n[i];
                }
            }
            float[] out = new float[sum.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) sum[i];
            }
            return out;
        }

        @Override
        public Parameters parameters() {
            Parameters.Builder b =
                    Parameters.builder(NAME)
                            .put("normalisation", normalisation.name())
                            .put("components", parts.size());
            for (int c = 0; c < parts.size(); c++) {
                Parameters part = parts.get(c).parameters();
                String prefix = "c" + c + ".";
                b.put("weight" + c, weights[c]);
                b.put(prefix + "algorithm", part.algorithm());
                for (String name : part.names()) {
                    copy(part, name, b, prefix + name);
                }
            }
            return b.build();
        }
    }

    /** Puts one component's scores on the common scale; non-finite ones get the lowest. */
    static double[] normalise(float[] scores, Normalisation normalisation) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int finite = 0;
        for (float s : scores) {
            if (Float.isFinite(s)) {
                min = Math.min(min, s);
                max = Math.max(max, s);
                sum += s;
                finite++;
            }
        }
        double[] out = new double[scores.length];
        if (finite == 0 || max == min) {
            return out;
        }
        double centre;
        double scale;
        if (normalisation == Normalisation.MIN_MAX) {
            centre = min;
            scale = max - min;
        } else {
            centre = sum / finite;
            double squares = 0;
            for (float s : scores) {
                if (Float.isFinite(s)) {
                    squares += (s - centre) * (s - centre);
                }
            }
            scale = Math.sqrt(squares / finite);
        }
        double lowest = (min - centre) / scale;
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.isFinite(scores[i]) ? (scores[i] - centre) / scale : lowest;
        }
        return out;
    }

    /** Collects components and weights; not thread-safe. */
    public static final class Builder {
        private final List<RecommenderAlgorithm> components = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private Normalisation normalisation = Normalisation.Z_SCORE;

        private Builder() {}

        /**
         * Adds a component.
         *
         * @param algorithm the component's algorithm
         * @param weight its weight in the blend (finite; may be negative)
         * @return this builder
         */
        public Builder add(RecommenderAlgorithm algorithm, double weight) {
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight is not finite: " + weight);
            }
            components.add(algorithm);
            weights.add(weight);
            return this;
        }

        /**
         * Sets how scores are normalised (default z-score).
         *
         * @param normalisation the normalisation
         * @return this builder
         */
        public Builder optNormalisation(Normalisation normalisation) {
            this.normalisation = normalisation;
            return this;
        }

        /** Returns the configuration. */
        public Hybrid build() {
            if (components.isEmpty()) {
                throw new IllegalStateException("a hybrid needs at least one component");
            }
            double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
            return new Hybrid(List.copyOf(components), w, normalisation);
        }
    }
}
