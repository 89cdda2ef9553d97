package dev.worldmind.model.recommend;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Settings;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.util.Map;

/** A configured algorithm that trains a {@link Recommender}. Immutable and thread-safe. */
public interface RecommenderAlgorithm {
    /** The algorithm's name, e.g. {@code "als"}. */
    String name();

    /**
     * The settings it trains with (for provenance and tables), e.g. {@code factors=64}. By default
     * a record's components, in the order it declares them, and none for any other class: an
     * algorithm that keeps settings outside record components lists them itself.
     */
    default Map<String, Object> config() {
        return this instanceof Record settings ? Settings.of(settings) : Map.of();
    }

    /**
     * Trains on some interactions.
     *
     * @param train the training interactions
     * @param progress told about each epoch or step
     * @return the trained recommender over {@code train}'s items
     * @throws dev.worldmind.core.InvalidDataException if {@code train} has no interactions
     */
    Recommender fit(InteractionMatrix train, ProgressMonitor progress);
}
