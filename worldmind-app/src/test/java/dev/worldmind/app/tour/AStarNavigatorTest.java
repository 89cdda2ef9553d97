package dev.worldmind.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AStarNavigatorTest {
    private static final WalkGrid HALL =
            WalkGrid.parse(1.0, "#########", "#.......#", "#.......#", "#.......#", "#########");

    @Test
    void goesAroundAnAvatarStandingOnItsPath() {
        Point avatar = new Point(4.5, 2.5); // right in the middle of the straight line
        Set<Cell> blocked = Clearance.around(HALL, List.of(avatar));
        List<Cell> walked = walk(new Cell(2, 1), new Cell(2, 7), blocked);
        assertThat(walked.get(walked.size() - 1)).isEqualTo(new Cell(2, 7));
        assertThat(walked).doesNotContain(new Cell(2, 4)).doesNotContainAnyElementsOf(blocked);
        double length = 0;
        for (int i = 1; i < walked.size(); i++) {
            Cell a = walked.get(i - 1);
            Cell b = walked.get(i);
            length += a.row() != b.row() && a.col() != b.col() ? Math.sqrt(2) : 1;
        }
        assertThat(length).isGreaterThan(6); // longer than the straight line
    }

    @Test
    void keepsClearOfCellsBesideAnAvatarOnACorner() {
        Set<Cell> blocked = Clearance.around(HALL, List.of(new Point(4.0, 2.0)));
        // A corner touches four cells; all four centres are 0.71 m away.
        assertThat(blocked)
                .contains(new Cell(1, 3), new Cell(1, 4), new Cell(2, 3), new Cell(2, 4))
                .hasSize(4);
    }

    @Test
    void waitsWhenTheWayIsClosedAndGoesOnWhenItOpens() {
        WalkGrid corridor = WalkGrid.parse(1.0, "#####", "#...#", "#####");
        AStarNavigator nav = new AStarNavigator();
        Cell from = new Cell(1, 1);
        Cell goal = new Cell(1, 3);
        nav.begin(corridor, from, goal);
        Set<Cell> blocked = Clearance.around(corridor, List.of(new Point(2.5, 1.5)));
        assertThat(nav.next(corridor, from, goal, blocked)).isEmpty();
        assertThat(nav.next(corridor, from, goal, Set.of())).contains(Move.E);
        assertThat(nav.fallbacks()).isZero();
        assertThat(nav.planner()).isEqualTo(Navigator.ASTAR);
    }

    @Test
    void waitsRatherThanStepOntoAGoalSomeoneStandsOn() {
        AStarNavigator nav = new AStarNavigator();
        Cell goal = new Cell(2, 3);
        assertThat(nav.next(HALL, new Cell(2, 2), goal, Set.of(goal))).isEmpty();
    }

    private static List<Cell> walk(Cell from, Cell goal, Set<Cell> blocked) {
        AStarNavigator nav = new AStarNavigator();
        nav.begin(HALL, from, goal);
        List<Cell> walked = new ArrayList<>(List.of(from));
        Cell at = from;
        for (int i = 0; i < 50 && !at.equals(goal); i++) {
            Optional<Move> m = nav.next(HALL, at, goal, blocked);
            assertThat(m).isPresent();
            assertThat(HALL.allowed(at, m.get())).isTrue();
            at = WalkGrid.next(at, m.get());
            walked.add(at);
        }
        return walked;
    }
}
