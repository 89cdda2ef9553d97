package dev.worldmind.model.reinforce;

import java.util.Locale;

/**
 * How a policy navigates NavGrid against the A* optimum on the same map, start, goal and visitors.
 *
 * @param episodes how many start–goal pairs were tried
 * @param successRate the share that reached the goal within the time limit
 * @param meanPathRatio over the successes, the mean of walked length ÷ A* length (1 is optimal)
 * @param maxPathRatio the worst such ratio
 * @param meanReward the mean episode reward
 */
public record NavigationReport(
        int episodes,
        double successRate,
        double meanPathRatio,
        double maxPathRatio,
        double meanReward) {

    /** A one-line summary. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "success %.1f%% of %d, path %.3f× A* (worst %.2f×), reward %.3f",
                successRate * 100,
                episodes,
                meanPathRatio,
                maxPathRatio,
                meanReward);
    }
}
