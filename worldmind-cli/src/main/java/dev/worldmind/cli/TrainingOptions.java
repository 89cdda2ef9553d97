package dev.worldmind.cli;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.data.image.Augmentation;
import dev.worldmind.model.train.OptimizerKind;
import dev.worldmind.model.train.ScheduleKind;
import dev.worldmind.model.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The training knobs; unset ones keep the architecture's recipe (see DatasetDescriptor#recipe). */
final class TrainingOptions {
    @Option(names = "--epochs", description = "Passes over the training data.")
    Integer epochs;

    @Option(names = "--batch-size", description = "Images per optimiser step.")
    Integer batchSize;

    @Option(names = "--lr", description = "Base learning rate.")
    Float learningRate;

    @Option(
            names = "--optimizer",
            description = "adam or sgd (momentum 0.9).",
            converter = EnumConverters.OptimizerConverter.class)
    OptimizerKind optimizer;

    @Option(
            names = "--schedule",
            description = "Learning-rate schedule: constant, cosine or step.",
            converter = EnumConverters.ScheduleConverter.class)
    ScheduleKind schedule;

    @Option(names = "--weight-decay", description = "L2 weight decay.")
    Float weightDecay;

    @Option(names = "--seed", description = "Seed of all randomness (default 42).")
    Long seed;

    @Option(
            names = "--augment",
            negatable = true,
            description =
                    "Random shifts (2 px) and rotations (10 degrees) of training images; for"
                            + " fashion-mnist left-right mirrors.")
    Boolean augment;

    @Option(
            names = "--validation",
            description = "Share of the training set held out for validation (default 0.0833).")
    Double validation;

    @Option(
            names = "--patience",
            description = "Stop after this many epochs without better validation accuracy.")
    Integer patience;

    @Option(names = "--limit", description = "Train on only the first N training images.")
    Integer limit;

    TrainingConfig build(DatasetDescriptor dataset, String architecture) {
        TrainingConfig.Builder b = dataset.recipe(architecture);
        if (epochs != null) {
            b.optEpochs(epochs);
        }
        if (batchSize != null) {
            b.optBatchSize(batchSize);
        }
        if (learningRate != null) {
            b.optLearningRate(learningRate);
        }
        if (optimizer != null) {
            b.optOptimizer(optimizer);
        }
        if (schedule != null) {
            b.optSchedule(schedule);
        }
        if (weightDecay != null) {
            b.optWeightDecay(weightDecay);
        }
        if (seed != null) {
            b.optSeed(seed);
        }
        if (augment != null) {
            b.optAugmentation(augment ? dataset.augmentation() : Augmentation.NONE);
        }
        if (validation != null) {
            b.optValidationFraction(validation);
        }
        if (patience != null) {
            b.optPatience(patience);
        }
        if (limit != null) {
            b.optTrainLimit(limit);
        }
        return b.build();
    }
}
