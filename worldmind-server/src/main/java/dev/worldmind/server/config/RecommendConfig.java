package dev.worldmind.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the world's recommendations (shop shelf, plaza suggestions, next lesson, {@code
 * /api/recommendations}).
 *
 * @param enabled whether the server trains or loads a recommender at start
 * @param models the model registry that keeps the {@code world-recommender}; empty means the
 *     serving registry when there is one, otherwise the recommender is trained in memory at every
 *     start and not kept
 */
public record RecommendConfig(boolean enabled, Optional<Path> models) {
    public RecommendConfig {
        Objects.requireNonNull(models, "models");
    }

    /** On, kept in the serving registry when there is one. */
    public static RecommendConfig defaults() {
        return new RecommendConfig(true, Optional.empty());
    }
}
