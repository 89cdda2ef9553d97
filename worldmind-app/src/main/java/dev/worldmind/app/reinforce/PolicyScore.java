package dev.worldmind.app.reinforce;

import dev.worldmind.model.reinforce.EvaluationReport;
import dev.worldmind.model.reinforce.NavigationReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy's judged performance: reward over deterministic episodes and, on NavGrid, success and
 * path length against A* on held-out start–goal pairs.
 *
 * @param rewards the reward report
 * @param navigation the navigation report, or null outside NavGrid
 */
public record PolicyScore(EvaluationReport rewards, NavigationReport navigation) {
    /** The headline numbers, for the registry and provenance. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("meanReward", rewards.meanReward());
        m.put("stdReward", rewards.stdReward());
        m.put("episodes", (double) rewards.episodes());
        if (navigation != null) {
            m.put("successRate", navigation.successRate());
            m.put("pathRatio", navigation.meanPathRatio());
        }
        return m;
    }

    /** A multi-line summary for the console. */
    public String summary() {
        String s = "mean reward " + rewards.summary();
        if (navigation != null) {
            s += "\nnavigation on held-out start/goal pairs: " + navigation.summary();
        }
        return s;
    }
}
