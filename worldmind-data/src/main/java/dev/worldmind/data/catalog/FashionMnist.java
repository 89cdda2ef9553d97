package dev.worldmind.data.catalog;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.DirectorySource;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST, Zalando's article images (Xiao, Rasul and Vollgraf 2017): 60,000 training and
 * 10,000 test images of 28x28 pixels in 10 clothing classes, a drop-in for MNIST's format. The four
 * gzipped IDX files come from the Debian package {@code dataset-fashion-mnist}, which installs them
 * under {@value #DEBIAN_FOLDER}; the store copies them as they are (the IDX reader un-gzips).
 */
public final class FashionMnist {
    /** Where the Debian package puts the files. */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    /** The Debian package that installs them. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";

    /** The dataset's files, their SHA-256 checksums and where to get them. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "fashion-mnist",
                    "Fashion-MNIST clothing, 60k train / 10k test, 28x28 grayscale, 10 classes",
                    List.of(
                            new DatasetFile(
                                    "train-images-idx3-ubyte.gz",
                                    "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
                            new DatasetFile(
                                    "train-labels-idx1-ubyte.gz",
                                    "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
                            new DatasetFile(
                                    "t10k-images-idx3-ubyte.gz",
                                    "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
                            new DatasetFile(
                                    "t10k-labels-idx1-ubyte.gz",
                                    "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")),
                    new DirectorySource(
                            Path.of(DEBIAN_FOLDER), "apt-get install " + DEBIAN_PACKAGE));

    /** The clothing classes, in label order (the dataset's own names). */
    public static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private FashionMnist() {}

    /**
     * Fetches Fashion-MNIST into the store if needed and loads both splits.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the training and test sets
     */
    public static TrainTest load(DatasetStore store, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress));
    }

    /**
     * Loads both splits from a folder holding the four gzipped IDX files.
     *
     * @param dir the folder
     * @return the training and test sets
     */
    public static TrainTest load(Path dir) {
        return TrainTest.fromIdx(SPEC, dir, ".gz", CLASSES);
    }
}
