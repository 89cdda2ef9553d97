package dev.worldmind.model.recommend;

import java.util.Optional;

/**
 * The recommender kinds Worldmind ships, each registered in {@code
 * META-INF/services/dev.worldmind.model.recommend.RecommenderKind} like any plugin; the order of
 * that file is the order {@link Recommenders#ALGORITHMS} lists them in.
 */
public final class BuiltInRecommenders {
    private BuiltInRecommenders() {}

    /** {@value Popularity#NAME}: the most interacted-with items, the same for everyone. */
    public static final class PopularityKind implements RecommenderKind {
        @Override
        public String name() {
            return Popularity.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(new Popularity());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return Popularity.fromParameters(p);
        }
    }

    /** {@value ItemKnn#NAME}: item-to-item neighbours. */
    public static final class ItemKnnKind implements RecommenderKind {
        @Override
        public String name() {
            return ItemKnn.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(ItemKnn.defaults());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return ItemKnn.fromParameters(p);
        }
    }

    /** {@value Ease#NAME}: the closed-form linear item-item model. */
    public static final class EaseKind implements RecommenderKind {
        @Override
        public String name() {
            return Ease.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(Ease.defaults());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return Ease.fromParameters(p);
        }
    }

    /** {@value ImplicitAls#NAME}: implicit-feedback matrix factorisation, on every thread given. */
    public static final class AlsKind implements RecommenderKind {
        @Override
        public String name() {
            return ImplicitAls.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(ImplicitAls.builder().optSeed(seed).optThreads(threads).build());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return ImplicitAls.fromParameters(p);
        }
    }

    /** {@value Bpr#NAME}: Bayesian personalised ranking. */
    public static final class BprKind implements RecommenderKind {
        @Override
        public String name() {
            return Bpr.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(Bpr.builder().optSeed(seed).build());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return Bpr.fromParameters(p);
        }
    }

    /**
     * {@value Hybrid#NAME}: EASE and ALS blended half and half after z-scoring each user's scores;
     * a saved blend rebuilds its components through {@link Recommenders#of}, whatever their kind.
     */
    public static final class HybridKind implements RecommenderKind {
        @Override
        public String name() {
            return Hybrid.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.of(
                    Hybrid.builder()
                            .add(Ease.defaults(), 0.5)
                            .add(
                                    ImplicitAls.builder().optSeed(seed).optThreads(threads).build(),
                                    0.5)
                            .build());
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return Hybrid.fromParameters(p, Recommenders::of);
        }
    }

    /** {@value ContentBased#NAME}: rebuilt when saved, never chosen by name (see the interface). */
    public static final class ContentKind implements RecommenderKind {
        @Override
        public String name() {
            return ContentBased.NAME;
        }

        @Override
        public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
            return Optional.empty();
        }

        @Override
        public Recommender rebuild(Parameters p) {
            return ContentBased.fromParameters(p);
        }
    }
}
