package dev.worldmind.app.dataset;

import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.Augmentation;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.model.train.ScheduleKind;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST's handwritten digits: the default dataset, whose classifiers are registered under their
 * architecture's name ({@code keras-cnn}, the default model of {@code worldmind start}) and whose
 * generator fills the museum's gallery.
 */
public final class MnistDescriptor implements DatasetDescriptor {
    /** Its name. */
    public static final String ID = "mnist";

    /**
     * The augmentation of the strong digit recipe (and of {@code --augment}): ±2 px, ±10 degrees.
     */
    public static final Augmentation AUGMENTATION = new Augmentation(2f, 10f);

    /** What the museum's gallery of generated digits waits for. */
    public static final String GALLERY = "generated works in the museum's gallery";

    @Override
    public DatasetSpec spec() {
        return Mnist.SPEC;
    }

    @Override
    public List<String> classes() {
        return Mnist.CLASSES;
    }

    @Override
    public TrainTest load(Path dir) {
        return Mnist.load(dir);
    }

    @Override
    public String defaultArchitecture() {
        return Architectures.KERAS_CNN;
    }

    @Override
    public TrainingConfig.Builder recipe(String architecture) {
        TrainingConfig.Builder b = TrainingConfig.builder().setArchitecture(architecture);
        return switch (architecture) {
            // The source document's recipe: Adam 1e-3, batch 64, 5 epochs; a cosine decay added.
            case Architectures.KERAS_CNN ->
                    b.optEpochs(5)
                            .optBatchSize(64)
                            .optLearningRate(1e-3f)
                            .optSchedule(ScheduleKind.COSINE);
            case Architectures.STRONG_CNN ->
                    b.optEpochs(15)
                            .optBatchSize(128)
                            .optLearningRate(2e-3f)
                            .optSchedule(ScheduleKind.COSINE)
                            .optAugmentation(AUGMENTATION)
                            .optPatience(0);
            default -> b.optEpochs(10).optBatchSize(64).optLearningRate(1e-3f);
        };
    }

    @Override
    public Augmentation augmentation() {
        return AUGMENTATION;
    }

    @Override
    public String defaultModelName() {
        return Architectures.KERAS_CNN;
    }

    /** Digit classifiers are known by their architecture alone: {@code keras-cnn}, {@code mlp}. */
    @Override
    public String modelName(String architecture) {
        return architecture;
    }

    @Override
    public GanDefaults gan() {
        return new GanDefaults(
                "mnist-gan",
                Architectures.KERAS_CNN,
                "worldmind train --arch keras-cnn",
                new JobPlacement(GALLERY, 45));
    }
}
