package dev.worldmind.app.vision;

import dev.worldmind.data.image.Augmentation;
import dev.worldmind.model.train.ScheduleKind;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;

/**
 * The recommended training recipe for each architecture on MNIST-like data. Command-line options
 * override single values.
 */
public final class TrainingPresets {
    /** The augmentation of the strong recipe (and of {@code --augment}): ±2 px, ±10 degrees. */
    public static final Augmentation DIGIT_AUGMENTATION = new Augmentation(2f, 10f);

    private TrainingPresets() {}

    /**
     * Returns the recipe for an architecture.
     *
     * @param architecture the architecture name
     * @return a builder holding the recipe
     */
    public static TrainingConfig.Builder forArchitecture(String architecture) {
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
                            .optAugmentation(DIGIT_AUGMENTATION)
                            .optPatience(0);
            default -> b.optEpochs(10).optBatchSize(64).optLearningRate(1e-3f);
        };
    }
}
