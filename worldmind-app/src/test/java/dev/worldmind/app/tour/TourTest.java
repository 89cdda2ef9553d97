package dev.worldmind.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

class TourTest {
    private final Cell start = TourGuide.cellOf(Museum.GRID, Museum.home());
    private final Tour tour = Tour.plan(Museum.GRID, Museum.SPACE.layout().items(), start);

    @Test
    void visitsEveryExhibitOnceFromAReachableCellBesideIt() {
        assertThat(tour.stops())
                .extracting(s -> s.item().id())
                .containsExactlyInAnyOrderElementsOf(
                        Museum.SPACE.layout().items().stream().map(Item::id).toList());
        for (TourStop s : tour.stops()) {
            assertThat(Museum.GRID.walkable(s.cell())).isTrue();
            assertThat(AStar.path(Museum.GRID, start, s.cell())).isPresent();
            Point c = Museum.GRID.centre(s.cell());
            assertThat(Math.hypot(c.x() - s.item().x(), c.z() - s.item().z())).isLessThan(2.5);
            assertThat(s.of()).isEqualTo(7);
        }
        assertThat(tour.stops()).extracting(TourStop::index).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void goesToTheNearestUnvisitedExhibitEachTime() {
        // The guide stands by the entrance, the astrolabe's case is just north of it.
        assertThat(tour.stops().get(0).item().id()).isEqualTo("astrolabe");
        Cell here = start;
        for (TourStop s : tour.stops()) {
            double[] d = AStar.distancesTo(Museum.GRID, here);
            double chosen = d[s.cell().row() * Museum.GRID.cols() + s.cell().col()];
            for (TourStop later : tour.stops().subList(s.index(), tour.size())) {
                Cell c = later.cell();
                assertThat(d[c.row() * Museum.GRID.cols() + c.col()])
                        .isGreaterThanOrEqualTo(chosen - 1e-9);
            }
            here = s.cell();
        }
    }

    @Test
    void presentsAnExhibitByNameInABubbleSizedLine() {
        TourStop stop =
                tour.stops().stream()
                        .filter(s -> s.item().id().equals("great-wave"))
                        .findFirst()
                        .orElseThrow();
        assertThat(stop.presentation())
                .startsWith("Here is The Great Wave off Kanagawa. A woodblock print by Katsushika")
                .hasSizeLessThanOrEqualTo(TourStop.SAY);
        assertThat(stop.invitation()).contains("The Great Wave off Kanagawa");
    }

    @Test
    void walksTheShortestWayToEveryStopInOrderAndHome() {
        TourGuide guide =
                new TourGuide(
                        Museum.GRID,
                        tour,
                        new AStarNavigator(),
                        new TourSettings(2.0, 0.2, 0.5, 4),
                        Museum.home(),
                        Museum.home(),
                        Museum.HOME.ry());
        assertThat(guide.opening().state()).isEqualTo(TourEvent.WALKING);
        List<Object> seen = Museum.run(guide, List.of(), 20_000);
        List<TourEvent> events =
                seen.stream()
                        .filter(TourEvent.class::isInstance)
                        .map(TourEvent.class::cast)
                        .toList();
        assertThat(events.stream().filter(e -> e.state().equals(TourEvent.AT_STOP)))
                .extracting(e -> e.stop().index())
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(events.get(events.size() - 1).state()).isEqualTo(TourEvent.FINISHED);
        assertThat(guide.state()).isEqualTo(TourGuide.State.HOME);
        assertThat(guide.x()).isEqualTo(Museum.HOME.x());
        assertThat(guide.z()).isEqualTo(Museum.HOME.z());
        assertThat(guide.legs()).hasSize(7);
        for (Leg leg : guide.legs()) {
            assertThat(leg.walked())
                    .isCloseTo(leg.shortest(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(leg.planner()).isEqualTo(Navigator.ASTAR);
        }
        // Smooth: no jump longer than one tick's walk.
        List<Point> path =
                seen.stream().filter(Point.class::isInstance).map(Point.class::cast).toList();
        for (int i = 1; i < path.size(); i++) {
            Point a = path.get(i - 1);
            Point b = path.get(i);
            assertThat(Math.hypot(a.x() - b.x(), a.z() - b.z())).isLessThanOrEqualTo(0.1 + 1e-9);
        }
    }

    @Test
    void waitsAtAStopForTheVisitorUntilTheWaitRunsOut() {
        TourGuide guide =
                new TourGuide(
                        Museum.GRID,
                        tour,
                        new AStarNavigator(),
                        new TourSettings(4.0, 1.0, 3.0, 4),
                        Museum.home(),
                        Museum.home(),
                        0);
        Point far = new Point(2, 28);
        double t = 0;
        while (guide.state() != TourGuide.State.AT_STOP) {
            guide.advance(0.05, List.of(far), far);
            t += 0.05;
        }
        double arrived = t;
        while (guide.state() == TourGuide.State.AT_STOP) {
            guide.advance(0.05, List.of(far), far);
            t += 0.05;
        }
        assertThat(t - arrived).isBetween(3.9, 4.2); // dwell and the whole wait
        while (guide.state() != TourGuide.State.AT_STOP) {
            guide.advance(0.05, List.of(), null);
        }
        Point close = new Point(guide.x() + 1.5, guide.z());
        List<TourEvent> events = List.of();
        t = 0;
        while (events.isEmpty()) {
            events = guide.advance(0.05, List.of(), close);
            t += 0.05;
        }
        assertThat(t).isBetween(0.95, 1.1); // just the dwell: the visitor is there
        assertThat(events.get(0).stop().index()).isEqualTo(3);
    }
}
