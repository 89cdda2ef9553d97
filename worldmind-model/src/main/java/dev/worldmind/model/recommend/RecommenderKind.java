package dev.worldmind.model.recommend;

import java.util.Optional;

/**
 * A recommender algorithm as a plugin: its name, how to build it with its default settings and how
 * to rebuild a saved one. An implementation with a public no-argument constructor, named in {@code
 * META-INF/services/dev.worldmind.model.recommend.RecommenderKind}, is found by {@link
 * Recommenders}; {@code worldmind recommend evaluate --algorithms}, the server and saved artifacts
 * then know it by its {@link #name()}. Implementations are stateless.
 */
public interface RecommenderKind {
    /** Its name, as saved in {@link Parameters#algorithm()} and given to {@code --algorithms}. */
    String name();

    /**
     * Returns the algorithm with its default settings (the ones measured best; see
     * docs/models/recommender.md), not yet trained.
     *
     * @param seed the seed, for algorithms that draw random numbers
     * @param threads the threads it may use
     * @return the algorithm, or empty for a kind that is not chosen by name (content-based scoring
     *     needs item descriptions, so it is built by whoever has them)
     */
    Optional<RecommenderAlgorithm> algorithm(long seed, int threads);

    /**
     * Rebuilds a trained recommender of this kind from its saved parameters.
     *
     * @param p parameters whose {@link Parameters#algorithm()} is {@link #name()}
     * @return the recommender
     */
    Recommender rebuild(Parameters p);
}
