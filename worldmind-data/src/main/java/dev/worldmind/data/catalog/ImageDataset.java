package dev.worldmind.data.catalog;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.store.DatasetSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled image datasets that image models train on, by the name models record in their
 * provenance. All are 28x28 grayscale with ten classes and a fixed train/test split.
 */
public enum ImageDataset {
    /** Handwritten digits. */
    MNIST(Mnist.SPEC, Mnist.CLASSES, Mnist::load),
    /** Zalando's garment photos: the shop's product categories. */
    FASHION_MNIST(FashionMnist.SPEC, FashionMnist.CLASSES, FashionMnist::load);

    private final DatasetSpec spec;
    private final List<String> classes;
    private final Function<Path, TrainTest> loader;

    ImageDataset(DatasetSpec spec, List<String> classes, Function<Path, TrainTest> loader) {
        this.spec = spec;
        this.classes = classes;
        this.loader = loader;
    }

    /** Returns the name, e.g. {@code mnist} or {@code fashion-mnist}. */
    public String id() {
        return spec.name();
    }

    /** Returns the files, checksums and source. */
    public DatasetSpec spec() {
        return spec;
    }

    /** Returns the class names in label order. */
    public List<String> classes() {
        return classes;
    }

    /**
     * Loads both splits from the dataset's folder in the store.
     *
     * @param dir the folder holding the dataset's files
     * @return the training and test sets
     */
    public TrainTest load(Path dir) {
        return loader.apply(dir);
    }

    /**
     * Finds a dataset by name.
     *
     * @param id e.g. {@code fashion-mnist}
     * @return the dataset
     * @throws NotFoundException for an unknown name, listing the known ones
     */
    public static ImageDataset of(String id) {
        for (ImageDataset d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new NotFoundException(
                "unknown image dataset '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                                .map(ImageDataset::id)
                                .collect(Collectors.joining(", ")));
    }

    /** The names of every image dataset. */
    public static java.util.Set<String> ids() {
        return Arrays.stream(values()).map(ImageDataset::id).collect(Collectors.toSet());
    }
}
