package dev.worldmind.data.catalog;

import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.image.ImageSet;
import java.util.Objects;

/**
 * A dataset's official training and test splits.
 *
 * @param train the training split (validation is split off it, never off the test split)
 * @param test the held-out test split
 * @param ref the dataset's name and content hash, for provenance
 */
public record TrainTest(ImageSet train, ImageSet test, DatasetRef ref) {
    public TrainTest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(ref, "ref");
    }
}
