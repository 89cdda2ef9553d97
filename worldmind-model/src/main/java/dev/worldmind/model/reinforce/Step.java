package dev.worldmind.model.reinforce;

/**
 * What one step of an environment returned (Gymnasium's five-tuple without the info dict).
 *
 * @param observation what the agent sees next
 * @param reward the reward for the step
 * @param terminated the episode ended in the task's own terms (the pole fell, the goal was reached)
 * @param truncated the episode was cut by a time limit; its last state is not terminal, so a
 *     learner should still bootstrap from it
 */
public record Step(float[] observation, double reward, boolean terminated, boolean truncated) {
    /** Tells whether the episode is over, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
