package dev.worldmind.model.generate;

import java.util.List;

/**
 * A finished GAN training run.
 *
 * @param initialScore the untrained generator's score (FID), NaN when not measured
 * @param epochs one entry per epoch
 * @param seconds the whole run's wall time, evaluation included
 */
public record GanHistory(double initialScore, List<GanEpoch> epochs, double seconds) {
    public GanHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's score. */
    public double finalScore() {
        return epochs.isEmpty() ? initialScore : epochs.get(epochs.size() - 1).score();
    }
}
