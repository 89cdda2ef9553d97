package dev.worldmind.model.reinforce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Several copies of an environment stepped together, as Gymnasium's {@code SyncVectorEnv}: a copy
 * whose episode ends starts its next one at once (seeded from the run's seed), so every step gives
 * a full batch of observations. Counts environment steps and keeps episode returns. Not
 * thread-safe.
 */
public final class VectorEnvironment {
    private final Environment[] envs;
    private final double[] returns;
    private final int[] lengths;
    private final SplittableRandom seeds;
    private long steps;
    private boolean started;

    /**
     * Makes {@code n} copies.
     *
     * @param factory makes one copy
     * @param n how many
     * @param seed the seed every episode's seed is drawn from
     */
    public VectorEnvironment(Supplier<? extends Environment> factory, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a vector environment has at least one copy: " + n);
        }
        envs = new Environment[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.get();
        }
        returns = new double[n];
        lengths = new int[n];
        seeds = new SplittableRandom(seed);
    }

    /** How many copies. */
    public int size() {
        return envs.length;
    }

    /** One of the copies, e.g. for its spaces. */
    public Environment first() {
        return envs[0];
    }

    /** Environment steps taken so far, summed over the copies. */
    public long steps() {
        return steps;
    }

    /** Starts every copy's first episode; returns their observations. */
    public float[][] reset() {
        float[][] obs = new float[envs.length][];
        for (int i = 0; i < envs.length; i++) {
            obs[i] = envs[i].reset(seeds.nextLong());
            returns[i] = 0;
            lengths[i] = 0;
        }
        started = true;
        return obs;
    }

    /**
     * Takes one discrete action in every copy.
     *
     * @param actions one per copy
     * @return the outcome
     */
    public VectorStep step(int[] actions) {
        check(actions.length);
        Step[] results = new Step[envs.length];
        for (int i = 0; i < envs.length; i++) {
            results[i] = envs[i].step(actions[i]);
        }
        return collect(results);
    }

    /**
     * Takes one continuous action in every copy.
     *
     * @param actions one per copy
     * @return the outcome
     */
    public VectorStep step(float[][] actions) {
        check(actions.length);
        Step[] results = new Step[envs.length];
        for (int i = 0; i < envs.length; i++) {
            results[i] = envs[i].step(actions[i]);
        }
        return collect(results);
    }

    private void check(int n) {
        if (!started) {
            throw new IllegalStateException("reset the vector environment first");
        }
        if (n != envs.length) {
            throw new IllegalArgumentException(
                    "one action per copy: " + envs.length + " copies, " + n + " actions");
        }
    }

    private VectorStep collect(Step[] results) {
        int n = envs.length;
        float[][] obs = new float[n][];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        float[][] finals = new float[n][];
        List<Episode> finished = new ArrayList<>(0);
        steps += n;
        for (int i = 0; i < n; i++) {
            Step s = results[i];
            rewards[i] = s.reward();
            terminated[i] = s.terminated();
            truncated[i] = s.truncated() && !s.terminated();
            returns[i] += s.reward();
            lengths[i]++;
            if (s.done()) {
                finals[i] = s.observation();
                finished.add(new Episode(steps, returns[i], lengths[i], s.terminated()));
                obs[i] = envs[i].reset(seeds.nextLong());
                returns[i] = 0;
                lengths[i] = 0;
            } else {
                obs[i] = s.observation();
            }
        }
        return new VectorStep(obs, rewards, terminated, truncated, finals, finished);
    }
}
