package dev.worldmind.model.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    /** A serpentine maze of n x n cells: rows of wall with a gap at alternating ends. */
    static WalkGrid maze(int n) {
        String[] rows = new String[n];
        for (int r = 0; r < n; r++) {
            if (r % 2 == 0) {
                rows[r] = ".".repeat(n);
            } else {
                rows[r] = (r / 2) % 2 == 0 ? "#".repeat(n - 1) + "." : "." + "#".repeat(n - 1);
            }
        }
        return WalkGrid.parse(1.0, rows);
    }

    @Test
    void theNodeBudgetStopsASearchOnALargeMaze() {
        WalkGrid maze = maze(401);
        Cell from = new Cell(0, 0);
        Cell to = new Cell(400, 0);
        assertThatThrownBy(
                        () ->
                                AStar.path(
                                        maze,
                                        from,
                                        to,
                                        c -> false,
                                        SearchBudget.of(10_000, java.time.Duration.ofMinutes(1))))
                .isInstanceOf(SearchBudgetExceededException.class)
                .hasMessageContaining("10000 cells");
        assertThatThrownBy(
                        () ->
                                AStar.distancesTo(
                                        maze,
                                        to,
                                        SearchBudget.of(10_000, java.time.Duration.ofMinutes(1))))
                .isInstanceOf(SearchBudgetExceededException.class);
        // A budget is spent over every search it is given to.
        SearchBudget shared = SearchBudget.of(300, java.time.Duration.ofMinutes(1));
        AStar.path(maze, from, new Cell(0, 200), c -> false, shared);
        assertThat(shared.spent()).isGreaterThanOrEqualTo(200);
        assertThatThrownBy(() -> AStar.path(maze, from, new Cell(0, 200), c -> false, shared))
                .isInstanceOf(SearchBudgetExceededException.class);
        // With enough budget the same search succeeds: the maze is long, not unsolvable.
        assertThat(AStar.path(maze, from, to)).isPresent();
    }

    @Test
    void theTimeBudgetStopsASearchWhoseTimeIsUp() {
        assertThatThrownBy(
                        () ->
                                AStar.path(
                                        maze(101),
                                        new Cell(0, 0),
                                        new Cell(100, 0),
                                        c -> false,
                                        SearchBudget.of(1_000_000, java.time.Duration.ZERO)))
                .isInstanceOf(SearchBudgetExceededException.class)
                .hasMessageContaining("ms");
    }

    @Test
    void theNearestTargetIsFoundWithoutSearchingTheWholeFloor() {
        WalkGrid maze = maze(201);
        java.util.BitSet targets = new java.util.BitSet();
        targets.set(4 * maze.cols() + 10);
        targets.set(200 * maze.cols() + 10);
        SearchBudget budget = SearchBudget.of(1_000_000, java.time.Duration.ofMinutes(1));
        double[] near = AStar.distancesUntilNearest(maze, new Cell(0, 0), targets, budget);
        double[] all = AStar.distancesTo(maze, new Cell(0, 0));
        assertThat(near[4 * maze.cols() + 10]).isEqualTo(all[4 * maze.cols() + 10]);
        assertThat(near[200 * maze.cols() + 10]).isGreaterThan(near[4 * maze.cols() + 10]);
        assertThat(budget.spent()).isLessThan(maze.freeCells().size() / 10);
    }
}
