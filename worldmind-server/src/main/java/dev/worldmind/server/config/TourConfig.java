package dev.worldmind.server.config;

import dev.worldmind.app.tour.TourSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the museum guide's tours.
 *
 * @param enabled whether visitors may ask for a tour
 * @param models the model registry holding the {@code museum-navigator} policy; empty means the
 *     serving registry when there is one. Without a policy the guide walks by A* alone
 * @param guide how fast the guide walks and how long it presents and waits at each stop
 */
public record TourConfig(boolean enabled, Optional<Path> models, TourSettings guide) {
    public TourConfig {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(guide, "guide");
    }

    /** On, with the default pace, the policy from the serving registry when there is one. */
    public static TourConfig defaults() {
        return new TourConfig(true, Optional.empty(), TourSettings.defaults());
    }
}
