package dev.worldmind.model.reinforce;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a training run is driven, whatever the algorithm.
 *
 * @param totalSteps the budget of environment steps
 * @param seed the seed all the run's randomness flows from (weights, exploration, episodes)
 * @param runDir where the curve, the checkpoints and the best policy go
 * @param evalEvery evaluate the deterministic policy every this many steps (0: only at the end)
 * @param evalEpisodes episodes per evaluation
 * @param target the mean evaluation reward that counts as solved (NaN: none)
 * @param stopAtTarget stop as soon as an evaluation reaches the target
 * @param listener hears the progress
 */
public record LearningSetup(
        long totalSteps,
        long seed,
        Path runDir,
        long evalEvery,
        int evalEpisodes,
        double target,
        boolean stopAtTarget,
        LearningListener listener) {
    public LearningSetup {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("train for at least one step: " + totalSteps);
        }
        Objects.requireNonNull(runDir, "runDir");
        if (evalEvery < 0 || evalEpisodes < 1) {
            throw new IllegalArgumentException("evaluate at least one episode, at steps >= 0");
        }
        listener = listener == null ? LearningListener.silent() : listener;
    }

    /**
     * A run with evaluation every tenth of the budget, 10 episodes each, and no target.
     *
     * @param totalSteps the budget
     * @param seed the seed
     * @param runDir the run's folder
     */
    public static LearningSetup of(long totalSteps, long seed, Path runDir) {
        return new LearningSetup(
                totalSteps,
                seed,
                runDir,
                Math.max(1, totalSteps / 10),
                10,
                Double.NaN,
                false,
                null);
    }

    /** The same setup with a target reward. */
    public LearningSetup withTarget(double newTarget, boolean stop) {
        return new LearningSetup(
                totalSteps, seed, runDir, evalEvery, evalEpisodes, newTarget, stop, listener);
    }

    /** The same setup with evaluation every {@code every} steps over {@code episodes}. */
    public LearningSetup withEvaluation(long every, int episodes) {
        return new LearningSetup(
                totalSteps, seed, runDir, every, episodes, target, stopAtTarget, listener);
    }

    /** The same setup with a listener. */
    public LearningSetup withListener(LearningListener l) {
        return new LearningSetup(
                totalSteps, seed, runDir, evalEvery, evalEpisodes, target, stopAtTarget, l);
    }
}
