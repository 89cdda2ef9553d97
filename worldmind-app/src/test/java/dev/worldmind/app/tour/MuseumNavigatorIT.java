package dev.worldmind.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.EvaluationReport;
import dev.worldmind.model.reinforce.LearningListener;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's NavGrid acceptance end to end, the way {@code worldmind start} does it: PPO trains the
 * museum navigator, it is judged on held-out start–goal pairs (≥ 95 % success, paths ≤ 1.1× A*) and
 * registered; then the guide walks a whole tour with it, A* standing by.
 */
@Tag("slow")
class MuseumNavigatorIT {
    @Test
    void trainedNavigatorLeadsTheTourNearlyAsWellAsAStar(@TempDir Path models) {
        TestHome.get();
        long steps = Long.getLong("navgrid.steps", MuseumNavigator.STEPS);
        ModelRegistry registry = new ModelRegistry(models);
        ModelManifest m =
                MuseumNavigator.train(
                        registry,
                        TestHome.get().runs().resolve("museum-navigator-it-" + System.nanoTime()),
                        steps,
                        MuseumNavigator.SEED,
                        new LearningListener() {
                            @Override
                            public void evaluated(long s, EvaluationReport r, boolean best) {
                                System.out.printf(
                                        "NAV %d: %s, success %.2f%n",
                                        s, r.summary(), r.successRate());
                            }
                        },
                        msg -> System.out.println("NAV " + msg));
        System.out.println("NAV registered " + m.ref() + " " + m.metrics());
        assertThat(m.metrics().get("successRate")).isGreaterThanOrEqualTo(0.95);
        assertThat(m.metrics().get("pathRatio")).isLessThanOrEqualTo(1.1);

        try (Policy policy = MuseumNavigator.load(registry).orElseThrow()) {
            Cell start = TourGuide.cellOf(Museum.GRID, Museum.home());
            Tour tour = Tour.plan(Museum.GRID, Museum.SPACE.layout().items(), start);
            PolicyNavigator nav = new PolicyNavigator(policy);
            TourGuide guide = Museum.quickGuide(tour, nav);
            Museum.run(guide, List.of(), 40_000);
            double walked = 0;
            double shortest = 0;
            for (Leg leg : guide.legs()) {
                walked += leg.walked();
                shortest += leg.shortest();
                System.out.println("NAV " + TourFixtures.describe(leg));
            }
            System.out.printf(
                    "NAV tour: walked %.2f m, A* %.2f m, ratio %.3f, fallbacks %d%n",
                    walked, shortest, walked / shortest, nav.fallbacks());
            assertThat(guide.state()).isEqualTo(TourGuide.State.HOME);
            assertThat(guide.legs()).hasSize(tour.size());
            assertThat(walked / shortest).isLessThanOrEqualTo(1.1);
        }
    }
}
