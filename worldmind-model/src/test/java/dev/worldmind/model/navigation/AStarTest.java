package dev.worldmind.model.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AStarTest {
    private static final WalkGrid ROOM =
            WalkGrid.parse(
                    1.0, "..........", "....#.....", "....#.....", "....#.....", "..........");

    @Test
    void findsTheOctileShortestPathOnOpenFloor() {
        GridPath p = AStar.path(ROOM, new Cell(0, 0), new Cell(4, 2)).orElseThrow();
        assertThat(p.length()).isCloseTo(2 + 2 * Math.sqrt(2), within(1e-9));
        assertThat(p.cells()).startsWith(new Cell(0, 0)).endsWith(new Cell(4, 2));
    }

    @Test
    void goesAroundAWallWithoutCuttingItsCorners() {
        GridPath p = AStar.path(ROOM, new Cell(2, 2), new Cell(2, 6)).orElseThrow();
        for (int i = 1; i < p.cells().size(); i++) {
            Cell a = p.cells().get(i - 1);
            Cell b = p.cells().get(i);
            assertThat(ROOM.walkable(b)).isTrue();
            // a diagonal step needs both cells beside it free
            assertThat(ROOM.walkable(a.row(), b.col()) && ROOM.walkable(b.row(), a.col())).isTrue();
        }
        double[] d = AStar.distancesTo(ROOM, new Cell(2, 6));
        assertThat(d[2 * ROOM.cols() + 2]).isCloseTo(p.length(), within(1e-9));
        assertThat(p.length()).isGreaterThan(AStar.octile(new Cell(2, 2), new Cell(2, 6)));
    }

    @Test
    void avoidsCellsAndReportsUnreachableGoals() {
        WalkGrid corridor = WalkGrid.parse(1.0, "#####", ".....", "#####");
        assertThat(AStar.path(corridor, new Cell(1, 0), new Cell(1, 4))).isPresent();
        Optional<GridPath> blocked =
                AStar.path(corridor, new Cell(1, 0), new Cell(1, 4), c -> c.equals(new Cell(1, 2)));
        assertThat(blocked).isEmpty();
        assertThat(AStar.path(corridor, new Cell(0, 0), new Cell(1, 4))).isEmpty();
        assertThat(corridor.blocking(java.util.List.of(new Cell(1, 2))).walkable(1, 2)).isFalse();
    }
}
