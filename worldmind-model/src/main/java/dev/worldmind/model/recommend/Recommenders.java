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
            case ContentBased.NAME -> ContentBased.fromParameters(p);
            case Hybrid.NAME -> Hybrid.fromParameters(p, Recommenders::of);
            default ->
                    throw new InvalidDataException(
                            "unknown recommender algorithm '" + p.algorithm() + "'");
        };
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
