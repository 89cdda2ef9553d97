package dev.worldmind.model.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Shuffle;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains an image classifier: shuffled mini-batches with optional augmentation, Adam or SGD with a
 * learning-rate schedule, validation after every epoch, a checkpoint per epoch, resume, and early
 * stopping that keeps the best epoch's weights.
 *
 * <p>Every source of randomness derives from the configuration's seed: the initial weights (set by
 * the caller), the order and augmentation of each epoch (from seed and epoch number, so a resumed
 * run sees the same batches) and dropout (the engine's seed). Adam's moment estimates are not part
 * of a checkpoint; a resumed run restarts them, which the schedule's continuity makes harmless in
 * practice.
 */
public final class ClassifierTrainer {
    private static final int EVAL_BATCH = 500;

    private final TrainingConfig config;
    private final Checkpoints checkpoints;
    private final TrainingListener listener;

    /**
     * Creates a trainer.
     *
     * @param config how to train
     * @param checkpointDir where checkpoints go; a matching earlier run there is resumed
     * @param listener follows progress
     */
    public ClassifierTrainer(TrainingConfig config, Path checkpointDir, TrainingListener listener) {
        this.config = config;
        this.checkpoints = new Checkpoints(checkpointDir, config);
        this.listener = listener;
    }

    /**
     * Trains a classifier in place.
     *
     * @param classifier the network, freshly created or loaded
     * @param train the training images
     * @param validation the validation images (may be empty: then the last epoch is kept)
     * @return what happened, epoch by epoch
     */
    public TrainingHistory fit(ImageClassifier classifier, ImageSet train, ImageSet validation) {
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        LearningRateSchedule schedule =
                new LearningRateSchedule(
                        config.schedule(), config.learningRate(), stepsPerEpoch * config.epochs());
        List<EpochStats> history = new ArrayList<>(checkpoints.restore(classifier));
        int start = history.size();
        if (start > 0) {
            listener.resumed(start);
        }
        int bestEpoch = best(history);
        int sinceBest = bestEpoch == 0 ? 0 : history.size() - bestEpoch;
        boolean stoppedEarly = false;

        Engine.getInstance().setRandomSeed((int) (config.seed() * 31 + start));
        // The optimiser counts its own updates from 1; the offset places it on the run's schedule.
        int stepOffset = start * stepsPerEpoch;
        Tracker tracker = numUpdate -> schedule.at(stepOffset + numUpdate - 1);
        DefaultTrainingConfig trainingConfig =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(optimizer(tracker))
                        .optDevices(new Device[] {Device.cpu()});
        ImageShape in = classifier.spec().input();
        try (Trainer trainer = classifier.model().newTrainer(trainingConfig)) {
            trainer.initialize(
                    new Shape(config.batchSize(), in.channels(), in.height(), in.width()));
            for (int epoch = start + 1; epoch <= config.epochs(); epoch++) {
                listener.epochStarted(epoch, config.epochs(), train.size());
                double[] trainResult = trainEpoch(trainer, classifier, train, epoch);
                double[] val = evaluate(trainer, classifier, validation);
                EpochStats stats =
                        new EpochStats(
                                epoch,
                                trainResult[0],
                                trainResult[1],
                                val[0],
                                val[1],
                                schedule.at(epoch * stepsPerEpoch - 1),
                                trainResult[2],
                                train.size() / trainResult[2]);
                history.add(stats);
                boolean improved =
                        bestEpoch == 0
                                || validation.size() == 0
                                || val[1] > history.get(bestEpoch - 1).validationAccuracy();
                if (improved) {
                    bestEpoch = epoch;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                checkpoints.save(classifier, history, improved);
                listener.epochFinished(stats);
                if (config.patience() > 0 && sinceBest >= config.patience()) {
                    stoppedEarly = epoch < config.epochs();
                    listener.stoppedEarly(epoch, bestEpoch);
                    break;
                }
            }
        }
        if (bestEpoch != history.size()) {
            checkpoints.loadBest(classifier);
        }
        return new TrainingHistory(history, bestEpoch, stoppedEarly, start);
    }

    private Optimizer optimizer(Tracker tracker) {
        return switch (config.optimizer()) {
            case ADAM ->
                    Optimizer.adam()
                            .optLearningRateTracker(tracker)
                            .optWeightDecays(config.weightDecay())
                            .build();
            case SGD ->
                    Optimizer.sgd()
                            .setLearningRateTracker(tracker)
                            .optMomentum(0.9f)
                            .optWeightDecays(config.weightDecay())
                            .build();
        };
    }

    /** Returns mean loss, accuracy and wall seconds of one pass over the training data. */
    private double[] trainEpoch(
            Trainer trainer, ImageClassifier classifier, ImageSet train, int epoch) {
        Random random = new Random(config.seed() * 1_000_003L + epoch);
        int[] order = Shuffle.permutation(train.size(), random);
        int size = train.imageSize();
        int batchSize = config.batchSize();
        float[] buffer = new float[batchSize * size];
        float[] scratch = new float[size];
        long[] labels = new long[batchSize];
        ImageShape in = classifier.spec().input();
        double lossSum = 0;
        long correct = 0;
        long start = System.nanoTime();
        for (int from = 0; from < order.length; from += batchSize) {
            int count = Math.min(batchSize, order.length - from);
            for (int k = 0; k < count; k++) {
                int i = order[from + k];
                train.copyImage(i, buffer, k * size);
                config.augmentation()
                        .apply(buffer, k * size, train.height(), train.width(), random, scratch);
                labels[k] = train.label(i);
            }
            classifier.normalization().apply(buffer, 0, count * size);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x =
                        batch.create(
                                count == batchSize ? buffer : Arrays.copyOf(buffer, count * size),
                                new Shape(count, in.channels(), in.height(), in.width()));
                NDArray y =
                        batch.create(count == batchSize ? labels : Arrays.copyOf(labels, count));
                NDArray logits;
                NDArray loss;
                try (GradientCollector collector =
                        GradientTapes.forTraining(trainer::newGradientCollector)) {
                    logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    collector.backward(loss);
                }
                trainer.step();
                lossSum += loss.getFloat() * count;
                correct += logits.argMax(1).eq(y).countNonzero().getLong();
            }
            int done = from + count;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.batchFinished(done, lossSum / done, (double) correct / done, done / seconds);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {lossSum / order.length, (double) correct / order.length, seconds};
    }

    /** Returns mean loss and accuracy in inference mode; NaN for an empty set. */
    private static double[] evaluate(Trainer trainer, ImageClassifier classifier, ImageSet set) {
        if (set.size() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int size = set.imageSize();
        ImageShape in = classifier.spec().input();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < set.size(); from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, set.size() - from);
            float[] buffer = new float[count * size];
            long[] labels = new long[count];
            for (int k = 0; k < count; k++) {
                set.copyImage(from + k, buffer, k * size);
                labels[k] = set.label(from + k);
            }
            classifier.normalization().apply(buffer, 0, buffer.length);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x =
                        batch.create(
                                buffer, new Shape(count, in.channels(), in.height(), in.width()));
                NDArray y = batch.create(labels);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum +=
                        trainer.getLoss().evaluate(new NDList(y), new NDList(logits)).getFloat()
                                * count;
                correct += logits.argMax(1).eq(y).countNonzero().getLong();
            }
        }
        return new double[] {lossSum / set.size(), (double) correct / set.size()};
    }

    private static int best(List<EpochStats> history) {
        int best = 0;
        for (EpochStats s : history) {
            if (best == 0
                    || Double.isNaN(s.validationAccuracy())
                    || s.validationAccuracy() > history.get(best - 1).validationAccuracy()) {
                best = s.epoch();
            }
        }
        return best;
    }
}
