package dev.worldmind.model.reinforce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Runs a policy deterministically for a number of seeded episodes. Stateless. */
public final class PolicyEvaluation {
    private PolicyEvaluation() {}

    /**
     * Runs episodes one after another, each from its own seed drawn from {@code seed}.
     *
     * @param factory makes the environment
     * @param policy the policy
     * @param episodes how many
     * @param seed where the episodes' seeds come from
     * @return the report
     */
    public static EvaluationReport run(
            Supplier<? extends Environment> factory, Policy policy, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("evaluate at least one episode: " + episodes);
        }
        Environment env = factory.get();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Double> rewards = new ArrayList<>(episodes);
        List<Integer> lengths = new ArrayList<>(episodes);
        int terminated = 0;
        boolean discrete = env.actionSpace() instanceof ActionSpace.Discrete;
        for (int e = 0; e < episodes; e++) {
            float[] obs = env.reset(seeds.nextLong());
            double total = 0;
            int length = 0;
            while (true) {
                Step s = discrete ? env.step(policy.act(obs)) : env.step(policy.actContinuous(obs));
                total += s.reward();
                length++;
                obs = s.observation();
                if (s.done()) {
                    terminated += s.terminated() ? 1 : 0;
                    break;
                }
            }
            rewards.add(total);
            lengths.add(length);
        }
        return EvaluationReport.of(rewards, lengths, terminated);
    }
}
