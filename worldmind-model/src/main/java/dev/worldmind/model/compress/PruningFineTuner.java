package dev.worldmind.model.compress;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EpochStats;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingHistory;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ImageClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prunes a trained classifier along a {@link PruningSchedule} and fine-tunes it with the ordinary
 * {@link ClassifierTrainer}, zeroing the pruned weights again after every optimiser step, so they
 * are exactly zero in every checkpoint, every validation and the final weights (the optimiser's
 * update would otherwise move them off zero). Each step is its own training run with its own
 * checkpoints, so an interrupted fine-tuning resumes where it stopped.
 */
public final class PruningFineTuner {
    private final TrainingConfig config;
    private final PruningSchedule schedule;
    private final Path runDir;
    private final TrainingListener listener;

    /**
     * Creates a fine-tuner.
     *
     * @param config how to train; its epoch count is replaced by each step's
     * @param schedule the sparsity steps
     * @param runDir where the steps' checkpoints go
     * @param listener follows training; epochs are numbered across all steps
     */
    public PruningFineTuner(
            TrainingConfig config,
            PruningSchedule schedule,
            Path runDir,
            TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Prunes and fine-tunes a classifier in place.
     *
     * @param classifier the trained network
     * @param train the fine-tuning images
     * @param validation the validation images (may be empty)
     * @return the final masks and the fine-tuning history over all steps
     */
    public Result run(ImageClassifier classifier, ImageSet train, ImageSet validation) {
        int total = schedule.totalEpochs();
        List<PruningMask> masks = List.of();
        List<EpochStats> epochs = new ArrayList<>();
        int bestEpoch = 0;
        int resumed = 0;
        boolean stoppedEarly = false;
        List<PruningSchedule.Step> steps = schedule.steps();
        for (int s = 0; s < steps.size(); s++) {
            PruningSchedule.Step step = steps.get(s);
            masks = MagnitudePruning.prune(classifier, step.sparsity());
            if (step.epochs() == 0) {
                continue;
            }
            TrainingConfig stepConfig = config.toBuilder().optEpochs(step.epochs()).build();
            Path dir =
                    runDir.resolve(
                            String.format(
                                    Locale.ROOT,
                                    "step-%d-%s",
                                    s + 1,
                                    PruningSchedule.percent(step.sparsity()).replace("%", "pct")));
            int offset = epochs.size();
            TrainingHistory h =
                    new ClassifierTrainer(
                                    stepConfig,
                                    dir,
                                    new MaskKeeper(classifier, masks, listener, offset, total))
                            .fit(classifier, train, validation);
            // The trainer may have loaded its best checkpoint: masked too, but make sure.
            MagnitudePruning.apply(classifier, masks);
            for (EpochStats e : h.epochs()) {
                epochs.add(renumber(e, offset));
            }
            bestEpoch = offset + h.bestEpoch();
            resumed += h.resumedFrom();
            stoppedEarly |= h.stoppedEarly();
        }
        return new Result(masks, new TrainingHistory(epochs, bestEpoch, stoppedEarly, resumed));
    }

    private static EpochStats renumber(EpochStats e, int offset) {
        return new EpochStats(
                e.epoch() + offset,
                e.trainLoss(),
                e.trainAccuracy(),
                e.validationLoss(),
                e.validationAccuracy(),
                e.learningRate(),
                e.trainSeconds(),
                e.imagesPerSecond());
    }

    /**
     * What pruning and fine-tuning left.
     *
     * @param masks the masks of the last step, one per pruned tensor
     * @param history the fine-tuning epochs of all steps, numbered from 1 across steps
     */
    public record Result(List<PruningMask> masks, TrainingHistory history) {
        public Result {
            masks = List.copyOf(masks);
            Objects.requireNonNull(history, "history");
        }
    }

    /** Re-applies the masks after every optimiser step and numbers epochs across steps. */
    private static final class MaskKeeper implements TrainingListener {
        private final ImageClassifier classifier;
        private final List<PruningMask> masks;
        private final TrainingListener next;
        private final int offset;
        private final int total;

        MaskKeeper(
                ImageClassifier classifier,
                List<PruningMask> masks,
                TrainingListener next,
                int offset,
                int total) {
            this.classifier = classifier;
            this.masks = masks;
            this.next = next;
            this.offset = offset;
            this.total = total;
        }

        @Override
        public void epochStarted(int epoch, int epochs, int images) {
            next.epochStarted(epoch + offset, total, images);
        }

        @Override
        public void batchFinished(
                int imagesDone, double loss, double accuracy, double imagesPerSecond) {
            MagnitudePruning.apply(classifier, masks);
            next.batchFinished(imagesDone, loss, accuracy, imagesPerSecond);
        }

        @Override
        public void epochFinished(EpochStats stats) {
            next.epochFinished(renumber(stats, offset));
        }

        @Override
        public void resumed(int completedEpochs) {
            next.resumed(completedEpochs + offset);
        }

        @Override
        public void stoppedEarly(int epoch, int bestEpoch) {
            next.stoppedEarly(epoch + offset, bestEpoch + offset);
        }
    }
}
