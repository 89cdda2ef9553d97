package dev.worldmind.model.generate;

/** Hears how GAN training goes, e.g. to draw a progress bar. Called from the training thread. */
public interface GanListener {
    /** Does nothing. */
    GanListener SILENT = new GanListener() {};

    /**
     * A batch was trained on.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within it, from 1
     * @param batches the epoch's batches
     */
    default void onBatch(int epoch, int batch, int batches) {}

    /**
     * An epoch ended (and was scored, if a score was asked for).
     *
     * @param stats what it did
     */
    default void onEpoch(GanEpoch stats) {}
}
