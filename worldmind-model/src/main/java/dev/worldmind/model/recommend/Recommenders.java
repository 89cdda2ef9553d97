package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.plugin.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The recommender algorithms by name: every {@link RecommenderKind} on the class path, found with
 * {@link java.util.ServiceLoader} through {@link Plugins}: the built-in ones ({@link
 * BuiltInRecommenders}) in their services file's order, then plugins. Builds them with their
 * defaults and rebuilds saved ones. Stateless.
 */
public final class Recommenders {
    private static final Map<String, RecommenderKind> KINDS =
            Plugins.byName(RecommenderKind.class, RecommenderKind::name);

    /** The names {@link #algorithm} knows: the built-in ones in their usual order, then plugins. */
    public static final List<String> ALGORITHMS =
            KINDS.values().stream()
                    .filter(k -> k.algorithm(0, 1).isPresent())
                    .map(RecommenderKind::name)
                    .toList();

    private Recommenders() {}

    /**
     * Rebuilds a recommender from its parameters.
     *
     * @param p the parameters
     * @return the recommender
     * @throws InvalidDataException for an unknown algorithm
     */
    public static Recommender of(Parameters p) {
        RecommenderKind kind = KINDS.get(p.algorithm());
        if (kind == null) {
            throw new InvalidDataException("unknown recommender algorithm '" + p.algorithm() + "'");
        }
        return kind.rebuild(p);
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
     * half after z-scoring each user's scores), and any plugin's.
     *
     * @param name the name
     * @param seed the seed for the algorithms that draw random numbers
     * @param threads the threads ALS may use (the others use one thread, or the common pool)
     * @return the algorithm
     * @throws InvalidDataException for an unknown name, listing the known ones
     */
    public static RecommenderAlgorithm algorithm(String name, long seed, int threads) {
        RecommenderKind kind = name == null ? null : KINDS.get(name);
        return (kind == null
                        ? java.util.Optional.<RecommenderAlgorithm>empty()
                        : kind.algorithm(seed, threads))
                .orElseThrow(
                        () ->
                                new InvalidDataException(
                                        "unknown algorithm '"
                                                + name
                                                + "'; known: "
                                                + String.join(", ", ALGORITHMS)));
    }

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
