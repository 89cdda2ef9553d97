package dev.worldmind.model.reinforce;

/** Hears how a training run goes, for a progress bar or a log. Called from the training thread. */
public interface LearningListener {
    /**
     * The run started.
     *
     * @param algorithm e.g. {@code ppo}
     * @param environment e.g. {@code CartPole-v1}
     * @param totalSteps the run's budget of environment steps
     */
    default void started(String algorithm, String environment, long totalSteps) {}

    /**
     * Some steps were taken (called every few hundred steps).
     *
     * @param steps environment steps so far
     * @param recentReward mean reward of the last 100 finished training episodes (NaN before one)
     * @param stepsPerSecond environment steps per second of wall time, learning included
     */
    default void progress(long steps, double recentReward, double stepsPerSecond) {}

    /**
     * The deterministic policy was evaluated.
     *
     * @param steps environment steps so far
     * @param report the evaluation
     * @param best whether it is the best so far (and was saved as such)
     */
    default void evaluated(long steps, EvaluationReport report, boolean best) {}

    /** Returns a listener that hears nothing. */
    static LearningListener silent() {
        return new LearningListener() {};
    }
}
