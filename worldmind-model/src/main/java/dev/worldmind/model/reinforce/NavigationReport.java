package dev.worldmind.model.reinforce;

import java.util.Locale;

/**
 * How a policy navigates NavGrid against the A* optimum on the same map, start, goal and visitors.
 *
 * @param rewards the episodes' rewards, as for any environment
 * @param successRate the share that reached the goal within the time limit
 * @param meanPathRatio over the successes, the mean of walked length ÷ A* length (1 is optimal)
 * @param maxPathRatio the worst such ratio
 */
public record NavigationReport(
        EvaluationReport rewards, double successRate, double meanPathRatio, double maxPathRatio) {

    /** How many start–goal pairs were tried. */
    public int episodes() {
        return rewards.episodes();
    }

    /** A one-line summary. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "success %.1f%% of %d, path %.3f× A* (worst %.2f×)",
                successRate * 100,
                episodes(),
                meanPathRatio,
                maxPathRatio);
    }
}
