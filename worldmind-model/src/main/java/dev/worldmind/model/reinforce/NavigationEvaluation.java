package dev.worldmind.model.reinforce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Runs a navigation policy on NavGrid episodes and compares its paths with A*'s; the same pass
 * gives the reward report. Stateless.
 */
public final class NavigationEvaluation {
    private NavigationEvaluation() {}

    /**
     * Runs seeded episodes with the deterministic policy.
     *
     * @param factory makes the environment (e.g. on held-out pairs)
     * @param policy the policy
     * @param episodes how many
     * @param seed where the episodes' seeds come from
     * @return the report
     */
    public static NavigationReport run(
            Supplier<NavGrid> factory, Policy policy, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("evaluate at least one episode: " + episodes);
        }
        NavGrid env = factory.get();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Double> rewards = new ArrayList<>(episodes);
        List<Integer> lengths = new ArrayList<>(episodes);
        int successes = 0;
        double ratioSum = 0;
        double ratioMax = 0;
        for (int e = 0; e < episodes; e++) {
            float[] obs = env.reset(seeds.nextLong());
            double total = 0;
            int length = 0;
            while (true) {
                Step s = env.step(policy.act(obs));
                total += s.reward();
                length++;
                obs = s.observation();
                if (s.done()) {
                    if (s.terminated()) {
                        successes++;
                        double ratio = env.travelled() / env.optimalLength();
                        ratioSum += ratio;
                        ratioMax = Math.max(ratioMax, ratio);
                    }
                    break;
                }
            }
            rewards.add(total);
            lengths.add(length);
        }
        return new NavigationReport(
                EvaluationReport.of(rewards, lengths, successes),
                (double) successes / episodes,
                successes == 0 ? Double.NaN : ratioSum / successes,
                successes == 0 ? Double.NaN : ratioMax);
    }
}
