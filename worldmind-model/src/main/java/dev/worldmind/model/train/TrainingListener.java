package dev.worldmind.model.train;

/** Follows a training run, e.g. to draw a progress bar. Called on the training thread. */
public interface TrainingListener {
    /**
     * An epoch starts.
     *
     * @param epoch the epoch, from 1
     * @param epochs the planned number of epochs
     * @param images the number of training images in the epoch
     */
    default void epochStarted(int epoch, int epochs, int images) {}

    /**
     * A batch is done.
     *
     * @param imagesDone images processed so far in this epoch
     * @param loss mean loss so far in this epoch
     * @param accuracy accuracy so far in this epoch
     * @param imagesPerSecond throughput so far in this epoch
     */
    default void batchFinished(
            int imagesDone, double loss, double accuracy, double imagesPerSecond) {}

    /**
     * An epoch is done and validated.
     *
     * @param stats its measurements
     */
    default void epochFinished(EpochStats stats) {}

    /**
     * Training continues from a checkpoint.
     *
     * @param completedEpochs the epochs already done
     */
    default void resumed(int completedEpochs) {}

    /**
     * Training stops before the planned number of epochs.
     *
     * @param epoch the last epoch run
     * @param bestEpoch the epoch whose weights are kept
     */
    default void stoppedEarly(int epoch, int bestEpoch) {}
}
