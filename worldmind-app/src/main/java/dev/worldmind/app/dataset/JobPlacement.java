package dev.worldmind.app.dataset;

/**
 * Where a dataset's training job stands among the world's background jobs.
 *
 * @param feature what in the world waits for the model (shown while it trains), or null
 * @param priority lower runs first
 */
public record JobPlacement(String feature, int priority) {
    /** A classifier nothing in the world waits for. */
    public static final JobPlacement CLASSIFIER = new JobPlacement(null, 40);

    /** A generator nothing in the world waits for. */
    public static final JobPlacement GENERATOR = new JobPlacement(null, 45);
}
