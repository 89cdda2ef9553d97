package dev.worldmind.model.reinforce;

import java.util.SplittableRandom;

/**
 * A fixed-capacity ring of transitions (observation, action, reward, next observation, terminated)
 * for off-policy learners; once full, each new transition overwrites the oldest. Only a real
 * termination is stored as terminal: at a time-limit truncation the next observation is the
 * episode's last one, so the learner bootstraps from it. Sampling draws from the buffer's own
 * seeded generator. Not thread-safe.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] nextObservations;
    private final boolean[] terminated;
    private final SplittableRandom random;
    private int next;
    private int size;

    /**
     * Creates an empty buffer.
     *
     * @param capacity how many transitions it keeps
     * @param observationSize how many numbers an observation has
     * @param actionSize how many numbers an action has (1 for a discrete action's number)
     * @param seed the sampling seed
     */
    public ReplayBuffer(int capacity, int observationSize, int actionSize, long seed) {
        if (capacity < 1 || observationSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException(
                    "a replay buffer needs a positive capacity, observation and action size");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        observations = new float[capacity * observationSize];
        actions = new float[capacity * actionSize];
        rewards = new float[capacity];
        nextObservations = new float[capacity * observationSize];
        terminated = new boolean[capacity];
        random = new SplittableRandom(seed);
    }

    /** How many transitions it holds, at most its capacity. */
    public int size() {
        return size;
    }

    /** How many transitions it can hold. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds one transition, overwriting the oldest when full.
     *
     * @param observation what the agent saw
     * @param action what it did
     * @param reward what it got
     * @param nextObservation what it saw next (the episode's last observation if it ended)
     * @param isTerminal whether the episode ended in the task's own terms (not by the time limit)
     */
    public void add(
            float[] observation,
            float[] action,
            double reward,
            float[] nextObservation,
            boolean isTerminal) {
        if (observation.length != observationSize
                || nextObservation.length != observationSize
                || action.length != actionSize) {
            throw new IllegalArgumentException(
                    "this buffer holds observations of "
                            + observationSize
                            + " and actions of "
                            + actionSize);
        }
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(
                nextObservation, 0, nextObservations, next * observationSize, observationSize);
        System.arraycopy(action, 0, actions, next * actionSize, actionSize);
        rewards[next] = (float) reward;
        terminated[next] = isTerminal;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /**
     * Adds one vector step's transitions: for a copy whose episode ended the next observation is
     * {@link VectorStep#finalObservations()}, and only {@link VectorStep#terminated()} is terminal.
     *
     * @param before the observations the actions were taken on, one per copy
     * @param taken the actions, one per copy
     * @param step what the vector environment returned
     */
    public void add(float[][] before, float[][] taken, VectorStep step) {
        for (int i = 0; i < before.length; i++) {
            float[] after = step.done(i) ? step.finalObservations()[i] : step.observations()[i];
            add(before[i], taken[i], step.rewards()[i], after, step.terminated()[i]);
        }
    }

    /**
     * Draws transitions uniformly, with replacement.
     *
     * @param n how many
     * @return the batch
     */
    public Batch sample(int n) {
        if (size == 0) {
            throw new IllegalStateException("the replay buffer is empty");
        }
        Batch b =
                new Batch(
                        new float[n][observationSize],
                        new float[n][actionSize],
                        new float[n],
                        new float[n][observationSize],
                        new boolean[n]);
        for (int k = 0; k < n; k++) {
            int i = random.nextInt(size);
            System.arraycopy(
                    observations, i * observationSize, b.observations()[k], 0, observationSize);
            System.arraycopy(actions, i * actionSize, b.actions()[k], 0, actionSize);
            b.rewards()[k] = rewards[i];
            System.arraycopy(
                    nextObservations,
                    i * observationSize,
                    b.nextObservations()[k],
                    0,
                    observationSize);
            b.terminated()[k] = terminated[i];
        }
        return b;
    }

    /**
     * Sampled transitions, row k of each array being one transition.
     *
     * @param observations what the agent saw
     * @param actions what it did
     * @param rewards what it got
     * @param nextObservations what it saw next
     * @param terminated whether the episode ended there in the task's own terms
     */
    public record Batch(
            float[][] observations,
            float[][] actions,
            float[] rewards,
            float[][] nextObservations,
            boolean[] terminated) {

        /** How many transitions. */
        public int size() {
            return rewards.length;
        }
    }
}
