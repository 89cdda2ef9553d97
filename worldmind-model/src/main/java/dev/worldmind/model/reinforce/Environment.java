package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;

/**
 * An episodic task with Gymnasium's contract: {@link #reset} starts an episode (seeded), {@link
 * #step} advances it by one action until the step says it is done. Not thread-safe.
 */
public interface Environment {
    /** The environment's id, e.g. {@code "CartPole-v1"}. */
    String id();

    /** How many numbers an observation has. */
    int observationSize();

    /** What actions are allowed. */
    ActionSpace actionSpace();

    /** The time limit: steps after which an episode is truncated. */
    int maxEpisodeSteps();

    /**
     * Starts an episode from a random initial state drawn from {@code seed}.
     *
     * @param seed the seed; the same seed gives the same episode for the same actions
     * @return the first observation
     */
    float[] reset(long seed);

    /**
     * Takes a discrete action.
     *
     * @param action the action's number
     * @return the outcome
     * @throws InvalidDataException if the action is not allowed here
     * @throws IllegalStateException before {@link #reset} or after the episode ended
     */
    Step step(int action);

    /**
     * Takes a continuous action.
     *
     * @param action the action's components
     * @return the outcome
     * @throws InvalidDataException if the action is not allowed here
     * @throws IllegalStateException before {@link #reset} or after the episode ended
     */
    Step step(float[] action);
}
