package dev.worldmind.model.reinforce;

import java.util.List;
import java.util.Locale;

/**
 * What running a policy deterministically for some episodes gave.
 *
 * @param episodes how many episodes
 * @param meanReward their mean total reward
 * @param stdReward the population standard deviation of the totals
 * @param minReward the worst total
 * @param maxReward the best total
 * @param meanLength the mean episode length, in steps
 * @param successRate the share of episodes that ended in the task's own terms ({@code terminated});
 *     for NavGrid that is reaching the goal
 * @param rewards each episode's total, in order
 */
public record EvaluationReport(
        int episodes,
        double meanReward,
        double stdReward,
        double minReward,
        double maxReward,
        double meanLength,
        double successRate,
        List<Double> rewards) {
    public EvaluationReport {
        rewards = List.copyOf(rewards);
    }

    /**
     * Summarises episodes.
     *
     * @param rewards each episode's total reward
     * @param lengths each episode's length
     * @param terminated how many ended in the task's own terms
     * @return the report
     */
    public static EvaluationReport of(List<Double> rewards, List<Integer> lengths, int terminated) {
        int n = rewards.size();
        if (n == 0) {
            throw new IllegalArgumentException("no episodes");
        }
        double mean = rewards.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = rewards.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / n;
        return new EvaluationReport(
                n,
                mean,
                Math.sqrt(var),
                rewards.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                rewards.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                lengths.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                (double) terminated / n,
                rewards);
    }

    /** The usual one-line form, e.g. {@code 500.0 ± 0.0 over 100 episodes}. */
    public String summary() {
        return String.format(
                Locale.ROOT, "%.1f ± %.1f over %d episodes", meanReward, stdReward, episodes);
    }
}
