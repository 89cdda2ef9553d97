package dev.worldmind.data.catalog;

import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.store.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Loads an MNIST-layout dataset: {@code train-images-idx3-ubyte}, {@code
     * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte},
     * each with the same suffix (e.g. {@code .gz}, which the IDX reader un-gzips). Image dataset
     * plugins of this layout load with it.
     *
     * @param spec the dataset, for its name and content hash
     * @param dir the folder holding the four files
     * @param suffix what follows the files' names, or empty
     * @param classes the class names in label order
     * @return both splits
     */
    public static TrainTest fromIdx(
            DatasetSpec spec, Path dir, String suffix, List<String> classes) {
        String name = spec.name();
        ImageSet train =
                ImageSet.fromIdx(
                        name + "/train",
                        dir.resolve("train-images-idx3-ubyte" + suffix),
                        dir.resolve("train-labels-idx1-ubyte" + suffix),
                        classes);
        ImageSet test =
                ImageSet.fromIdx(
                        name + "/test",
                        dir.resolve("t10k-images-idx3-ubyte" + suffix),
                        dir.resolve("t10k-labels-idx1-ubyte" + suffix),
                        classes);
        return new TrainTest(train, test, new DatasetRef(name, spec.contentHash(), name));
    }
}
