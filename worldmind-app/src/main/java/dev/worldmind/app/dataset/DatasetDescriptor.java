package dev.worldmind.app.dataset;

import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.Augmentation;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.model.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled image dataset and everything Worldmind decides by it: where its files come from, its
 * classes, how to train on it, what to call the models trained on it and how to judge a generator
 * of its images. Images are 28x28 grayscale with a fixed train/test split.
 *
 * <p>A plugin: an implementation with a public no-argument constructor, named in {@code
 * META-INF/services/dev.worldmind.app.dataset.DatasetDescriptor}, is found by {@link
 * DatasetDescriptors#installed()}; {@code worldmind data}, {@code train}, {@code gan}, {@code
 * start} and the server's jobs and Studio then know it by its {@link #id()}. Implementations are
 * immutable.
 */
public interface DatasetDescriptor {
    /** Returns the files, their checksums and where to get them; its name is the dataset's id. */
    DatasetSpec spec();

    /** Returns the name, e.g. {@code mnist}: what models record in their provenance. */
    default String id() {
        return spec().name();
    }

    /** Returns the class names in label order. */
    List<String> classes();

    /**
     * Loads both splits from the dataset's folder in the store, whose files match {@link #spec()}.
     *
     * @param dir the folder holding the dataset's files
     * @return the training and test sets
     */
    TrainTest load(Path dir);

    /** Returns the architecture a classifier of this dataset trains with unless told otherwise. */
    String defaultArchitecture();

    /**
     * Returns the recommended training recipe for an architecture; command-line options and job
     * settings override single values.
     *
     * @param architecture an architecture name from {@code Architectures.names()}
     * @return a builder holding the recipe
     */
    TrainingConfig.Builder recipe(String architecture);

    /** Returns the augmentation {@code --augment} turns on for this dataset. */
    Augmentation augmentation();

    /**
     * Returns the name the classifier of the {@linkplain #defaultArchitecture() default
     * architecture} is registered under unless told otherwise. Each dataset names its own: a model
     * of one dataset never takes another's name by default.
     */
    String defaultModelName();

    /**
     * Returns the name a classifier of an architecture is registered under unless told otherwise:
     * {@link #defaultModelName()} for the default architecture, else the id and the architecture.
     *
     * @param architecture the architecture
     * @return the model name
     */
    default String modelName(String architecture) {
        return architecture.equals(defaultArchitecture())
                ? defaultModelName()
                : id() + "-" + architecture;
    }

    /**
     * Returns what in the world waits for {@link #defaultModelName()} and where its training job
     * queues; other names of this dataset queue as {@link JobPlacement#CLASSIFIER}.
     */
    default JobPlacement classifierJob() {
        return JobPlacement.CLASSIFIER;
    }

    /** Returns the generator's registered name, FID judge and place in the job queue. */
    default GanDefaults gan() {
        return new GanDefaults(
                id() + "-gan",
                defaultModelName(),
                "worldmind train --dataset " + id(),
                JobPlacement.GENERATOR);
    }
}
