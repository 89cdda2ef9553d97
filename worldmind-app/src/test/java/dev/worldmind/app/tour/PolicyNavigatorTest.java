package dev.worldmind.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.GridPath;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real policy network that was never trained walks badly: A* must take over every time. */
class PolicyNavigatorTest {
    @TempDir static Path dir;
    static Policy untrained;

    /** Registers and loads an untrained navigation policy, as the world would. */
    @BeforeAll
    static void load() {
        TestHome.get();
        ModelRegistry registry = new ModelRegistry(dir);
        TourFixtures.registerUntrainedPolicy(registry, 11);
        untrained = MuseumNavigator.load(registry).orElseThrow();
    }

    @AfterAll
    static void close() {
        untrained.close();
    }

    @Test
    void fallsBackToAStarAndStillReachesEveryStop() {
        Cell start = TourGuide.cellOf(Museum.GRID, Museum.home());
        Tour tour = Tour.plan(Museum.GRID, Museum.SPACE.layout().items(), start);
        // Someone stands in the middle of the first leg.
        GridPath first = AStar.path(Museum.GRID, start, tour.stops().get(0).cell()).orElseThrow();
        Point avatar = Museum.GRID.centre(first.cells().get(first.cells().size() / 2));
        PolicyNavigator nav = new PolicyNavigator(untrained);
        assertThat(nav.planner()).isEqualTo(Navigator.POLICY);
        TourGuide guide = Museum.quickGuide(tour, nav);
        List<Object> seen = Museum.run(guide, List.of(avatar), 40_000);
        assertThat(guide.state()).isEqualTo(TourGuide.State.HOME);
        assertThat(guide.legs()).extracting(Leg::stop).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(nav.fallbacks()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(8);
        assertThat(guide.fallbacks()).isEqualTo(nav.fallbacks());
        Cell taken = Museum.GRID.cellAt(avatar.x(), avatar.z());
        for (Object o : seen) {
            if (o instanceof Point p) {
                assertThat(Museum.GRID.cellAt(p.x(), p.z())).isNotEqualTo(taken);
            }
        }
        for (Leg leg : guide.legs()) {
            // The policy may waste at most its detour allowance before A* finishes the leg.
            double allowance = PolicyNavigator.DETOUR * leg.shortest() + 1;
            assertThat(leg.walked()).isLessThanOrEqualTo(allowance + leg.shortest() + allowance);
            System.out.println(TourFixtures.describe(leg));
        }
        System.out.println("fallbacks: " + nav.fallbacks());
    }

    @Test
    void leavesALegToThePolicyUntilItGoesWrong() {
        WalkGrid open = WalkGrid.parse(1.0, "##########", "#........#", "##########");
        PolicyNavigator nav = new PolicyNavigator(untrained);
        Cell from = new Cell(1, 1);
        Cell goal = new Cell(1, 8);
        nav.begin(open, from, goal);
        Cell at = from;
        int steps = 0;
        while (!at.equals(goal) && steps++ < 100) {
            at = WalkGrid.next(at, nav.next(open, at, goal, java.util.Set.of()).orElseThrow());
            assertThat(open.walkable(at)).isTrue();
        }
        assertThat(at).isEqualTo(goal);
        // One fallback at most per leg, and a new leg asks the policy again.
        assertThat(nav.fallbacks()).isLessThanOrEqualTo(1);
        nav.begin(open, goal, from);
        assertThat(nav.planner()).isEqualTo(Navigator.POLICY);
    }
}
