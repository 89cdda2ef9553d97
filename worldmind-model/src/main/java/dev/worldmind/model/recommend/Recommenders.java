package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import java.nio.file.Path;

/** Rebuilds saved recommenders of every algorithm. Stateless. */
public final class Recommenders {
    private Recommenders() {}

    /**
     * Rebuilds a recommender from its parameters.
     *
     * @param p the parameters
     * @return the recommender
     * @throws InvalidDataException for an unknown algorithm
     */
    public static Recommender of(Parameters p) {
        return switch (p.algorithm()) {
            case Popularity.NAME -> Popularity.fromParameters(p);
            case ItemKnn.NAME -> ItemKnn.fromParameters(p);
            case Ease.NAME -> Ease.fromParameters(p);
            case ImplicitAls.NAME -> ImplicitAls.fromParameters(p);
            case Bpr.NAME -> Bpr.fromParameters(p);
            case ContentBased.NAME -> ContentBased.fromParameters(p);
            case Hybrid.NAME -> Hybrid.fromParameters(p, Recommenders::of);
            default ->
                    throw new InvalidDataException(
                            "unknown recommender algorithm '" + p.algorithm() + "'");
        };
    }

    /**
     * The algorithms by name, with their default settings (the ones measured best on the synthetic
     * sets; see docs/models/recommender.md), using every core: see {@link #algorithm(String, long,
     * int)}.
     *
     * @param name the name
     * @param seed the seed for the algorithms that draw random numbers
     * @return the algorithm
     * @throws InvalidDataException for an unknown name, listing the known ones
     */
    public static RecommenderAlgorithm algorithm(String name, long seed) {
        return algorithm(name, seed, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The algorithms by name, with their default settings: {@code popularity}, {@code item-knn},
     * {@code ease}, {@code als}, {@code bpr}, and {@code hybrid} (EASE and ALS blended half and
     * half after z-scoring each user's scores).
     *
     * @param name the name
     * @param seed the seed for the algorithms that draw random numbers
     * @param threads the threads ALS may use (the others use one thread, or the common pool)
     * @return the algorithm
     * @throws InvalidDataException for an unknown name, listing the known ones
     */
    public static RecommenderAlgorithm algorithm(String name, long seed, int threads) {
        return switch (name) {
            case Popularity.NAME -> new Popularity();
            case ItemKnn.NAME -> ItemKnn.defaults();
            case Ease.NAME -> Ease.defaults();
            case ImplicitAls.NAME ->
                    ImplicitAls.builder().optSeed(seed).optThreads(threads).build();
            case Bpr.NAME -> Bpr.builder().optSeed(seed).build();
            case Hybrid.NAME ->
                    Hybrid.builder()
                            .add(Ease.defaults(), 0.5)
                            .add(
                                    ImplicitAls.builder().optSeed(seed).optThreads(threads).build(),
                                    0.5)
                            .build();
            default ->
                    throw new InvalidDataException(
                            "unknown algorithm '"
                                    + name
                                    + "'; known: "
                                    + String.join(", ", ALGORITHMS));
        };
    }

    /** The names {@link #algorithm} knows. */
    public static final java.util.List<String> ALGORITHMS =
            java.util.List.of(
                    Popularity.NAME,
                    ItemKnn.NAME,
                    Ease.NAME,
                    ImplicitAls.NAME,
                    Bpr.NAME,
                    Hybrid.NAME);

    /**
     * Reads a recommender saved with {@link Parameters#write}.
     *
     * @param file the file
     * @return the recommender
     */
    public static Recommender read(Path file) {
        return of(Parameters.read(file));
    }
}
