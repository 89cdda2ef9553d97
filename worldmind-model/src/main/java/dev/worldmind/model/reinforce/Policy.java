package dev.worldmind.model.reinforce;

/**
 * A trained agent acting deterministically (its greedy or mean action). Owns native resources when
 * it was loaded: close it. Implementations may be used from one thread at a time.
 */
public interface Policy extends AutoCloseable {
    /** What actions it takes. */
    ActionSpace actionSpace();

    /**
     * The discrete action for an observation.
     *
     * @param observation what the agent sees
     * @return the action's number
     * @throws IllegalStateException if the policy's actions are continuous
     */
    int act(float[] observation);

    /**
     * The continuous action for an observation, inside the action box.
     *
     * @param observation what the agent sees
     * @return the action
     * @throws IllegalStateException if the policy's actions are discrete
     */
    float[] actContinuous(float[] observation);

    @Override
    void close();
}
