package dev.worldmind.app.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.model.reinforce.EvaluationReport;
import dev.worldmind.model.reinforce.LearningListener;
import dev.worldmind.model.reinforce.LearningResult;
import dev.worldmind.model.reinforce.LearningSetup;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.NavigationEvaluation;
import dev.worldmind.model.reinforce.NavigationReport;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.model.reinforce.PolicyArtifact;
import dev.worldmind.model.reinforce.Ppo;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 7's NavGrid acceptance: ≥ 95 % success on held-out pairs, paths ≤ 1.1× A*. */
@Tag("slow")
class MuseumNavigationIT {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void ppoNavigatesTheMuseumNearlyAsWellAsAStar() {
        long steps = Long.getLong("navgrid.steps", 1_000_000);
        Path dir = TestHome.get().runs().resolve("navgrid-it");
        LearningSetup setup =
                LearningSetup.of(steps, 1, dir)
                        .withEvaluation(steps / 10, 50)
                        .withListener(
                                new LearningListener() {
                                    @Override
                                    public void evaluated(
                                            long s, EvaluationReport r, boolean best) {
                                        System.out.printf(
                                                "NAV %d: %s success %.2f%n",
                                                s, r.summary(), r.successRate());
                                    }
                                });
        LearningResult r =
                Ppo.navigation().learn(WorldEnvironments.factory("NavGrid-museum"), setup);
        NavigationReport report;
        try (Policy p = PolicyArtifact.load(r.policyDir())) {
            report =
                    NavigationEvaluation.run(
                            () -> (NavGrid) WorldEnvironments.evaluation("NavGrid-museum").get(),
                            p,
                            500,
                            77);
        }
        System.out.printf(
                "NAV final: %s; %.1f s, %.0f steps/s%n",
                report.summary(), r.seconds(), r.stepsPerSecond());
        assertThat(report.successRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.meanPathRatio()).isLessThanOrEqualTo(1.1);
    }
}
