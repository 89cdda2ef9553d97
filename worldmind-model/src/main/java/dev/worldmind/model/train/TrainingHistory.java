package dev.worldmind.model.train;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param epochs every epoch's measurements, in order
 * @param bestEpoch the epoch whose weights the model ends with (best validation accuracy, or last)
 * @param stoppedEarly whether early stopping ended the run
 * @param resumedFrom the number of epochs taken from a checkpoint (0 for a fresh run)
 */
public record TrainingHistory(
        List<EpochStats> epochs, int bestEpoch, boolean stoppedEarly, int resumedFrom) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** Returns the total training wall time in seconds, resumed epochs included. */
    public double trainSeconds() {
        return epochs.stream().mapToDouble(EpochStats::trainSeconds).sum();
    }

    /** Returns the mean training throughput in images per second over the run's epochs. */
    public double imagesPerSecond() {
        return epochs.stream().mapToDouble(EpochStats::imagesPerSecond).average().orElse(0);
    }
}
