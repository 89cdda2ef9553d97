package dev.worldmind.model.reinforce;

import java.util.List;

/**
 * What one step of a {@link VectorEnvironment} returned, one entry per copy.
 *
 * @param observations the next observations; for a copy whose episode just ended, the first
 *     observation of its next episode
 * @param rewards the rewards
 * @param terminated which copies ended in the task's own terms (do not bootstrap)
 * @param truncated which copies hit the time limit (bootstrap from {@code finalObservations})
 * @param finalObservations for copies whose episode ended, its last observation; otherwise null
 * @param finished the episodes that ended at this step
 */
public record VectorStep(
        float[][] observations,
        double[] rewards,
        boolean[] terminated,
        boolean[] truncated,
        float[][] finalObservations,
        List<Episode> finished) {

    /** Tells whether copy {@code i}'s episode ended at this step, for either reason. */
    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }
}
