package dev.worldmind.model.reinforce;

import java.nio.file.Path;

/**
 * What a training run did.
 *
 * @param algorithm e.g. {@code ppo}
 * @param environment the environment's id
 * @param steps environment steps taken
 * @param seconds wall time, learning and evaluation included
 * @param best the best evaluation of the deterministic policy
 * @param bestAt the step count at that evaluation
 * @param solvedAt the step count of the first evaluation that reached the target, or -1
 * @param policyDir the best policy (a {@link PolicyArtifact} folder)
 * @param curveCsv every training episode's reward and every evaluation, as CSV
 * @param curvePng the same as a chart
 */
public record LearningResult(
        String algorithm,
        String environment,
        long steps,
        double seconds,
        EvaluationReport best,
        long bestAt,
        long solvedAt,
        Path policyDir,
        Path curveCsv,
        Path curvePng) {

    /** Environment steps per second of wall time, learning included. */
    public double stepsPerSecond() {
        return steps / Math.max(1e-9, seconds);
    }

    /** Whether an evaluation reached the target. */
    public boolean solved() {
        return solvedAt >= 0;
    }
}
