package dev.worldmind.model.navigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * A* over a {@link WalkGrid} with eight-way moves and the octile distance as heuristic (admissible
 * and consistent there, so paths are shortest). Ties break towards the lower move number, so the
 * same query always gives the same path. Stateless.
 */
public final class AStar {
    private static final double SQRT2 = Math.sqrt(2);

    private AStar() {}

    /**
     * The shortest path between two cells.
     *
     * @param grid the grid
     * @param from the start
     * @param to the goal
     * @return the path, or empty when the goal cannot be reached (or either end is blocked)
     */
    public static Optional<GridPath> path(WalkGrid grid, Cell from, Cell to) {
        return path(grid, from, to, c -> false);
    }

    /**
     * The shortest path that also avoids some cells (e.g. ones other avatars stand on).
     *
     * @param grid the grid
     * @param from the start (never avoided)
     * @param to the goal (never avoided)
     * @param avoid cells to treat as blocked
     * @return the path, or empty when the goal cannot be reached
     */
    public static Optional<GridPath> path(
            WalkGrid grid, Cell from, Cell to, Predicate<Cell> avoid) {
        return path(grid, from, to, avoid, SearchBudget.unlimited());
    }

    /**
     * The shortest path that avoids some cells, within a budget.
     *
     * @param grid the grid
     * @param from the start (never avoided)
     * @param to the goal (never avoided)
     * @param avoid cells to treat as blocked
     * @param budget what the search may spend (one unit per expanded cell)
     * @return the path, or empty when the goal cannot be reached
     * @throws SearchBudgetExceededException when the budget runs out first
     */
    public static Optional<GridPath> path(
            WalkGrid grid, Cell from, Cell to, Predicate<Cell> avoid, SearchBudget budget) {
        if (!grid.walkable(from) || !grid.walkable(to)) {
            return Optional.empty();
        }
        int cols = grid.cols();
        int n = grid.rows() * cols;
        double[] g = new double[n];
        Arrays.fill(g, Double.POSITIVE_INFINITY);
        int[] parent = new int[n];
        boolean[] closed = new boolean[n];
        int start = from.row() * cols + from.col();
        int goal = to.row() * cols + to.col();
        g[start] = 0;
        parent[start] = -1;
        // Entries: f, then a sequence number to keep insertion order among equal f.
        PriorityQueue<double[]> open =
                new PriorityQueue<>(
                        (a, b) ->
                                a[0] != b[0]
                                        ? Double.compare(a[0], b[0])
                                        : Double.compare(a[1], b[1]));
        long seq = 0;
        open.add(new double[] {octile(from, to), seq++, start});
        while (!open.isEmpty()) {
            int cur = (int) open.poll()[2];
            if (closed[cur]) {
                continue;
            }
            if (cur == goal) {
                return Optional.of(rebuild(parent, cur, cols, g[cur]));
            }
            budget.spend();
            closed[cur] = true;
            Cell c = new Cell(cur / cols, cur % cols);
            for (Move m : Move.values()) {
                int ni = grid.step(c, m);
                if (ni < 0 || closed[ni]) {
                    continue;
                }
                Cell nc = WalkGrid.next(c, m);
                if (ni != goal && avoid.test(nc)) {
                    continue;
                }
                double ng = g[cur] + m.cost();
                if (ng < g[ni] - 1e-12) {
                    g[ni] = ng;
                    parent[ni] = cur;
                    open.add(new double[] {ng + octile(nc, to), seq++, ni});
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The shortest-path length from every cell to a goal (Dijkstra backwards), infinity where the
     * goal cannot be reached: the reward shaping and the yardstick of {@code NavGrid}.
     *
     * @param grid the grid
     * @param goal the goal
     * @return {@code distance[row * cols + col]}, in cells
     */
    public static double[] distancesTo(WalkGrid grid, Cell goal) {
        return distancesTo(grid, goal, SearchBudget.unlimited());
    }

    /**
     * The shortest-path length from every cell to a goal, within a budget.
     *
     * @param grid the grid
     * @param goal the goal
     * @param budget what the search may spend (one unit per settled cell)
     * @return {@code distance[row * cols + col]}, in cells
     * @throws SearchBudgetExceededException when the budget runs out first
     */
    public static double[] distancesTo(WalkGrid grid, Cell goal, SearchBudget budget) {
        // the search that stops at the nearest target, with none: it settles every reachable cell
        return distancesUntilNearest(grid, goal, new java.util.BitSet(), budget);
    }

    /**
     * Dijkstra from a cell that stops as soon as the nearest target is settled (with every cell as
     * near as it, within 1e-9), so finding the nearest of many targets costs in proportion to how
     * far it is, not to the whole floor. Distances are exact for the settled cells and no smaller
     * than the truth elsewhere (infinity where not reached), so every target that was not settled
     * reads as farther than the nearest.
     *
     * @param grid the grid
     * @param from the start
     * @param targets the targets' cell indices ({@code row * cols + col})
     * @param budget what the search may spend (one unit per settled cell)
     * @return {@code distance[row * cols + col]}, in cells
     * @throws SearchBudgetExceededException when the budget runs out first
     */
    public static double[] distancesUntilNearest(
            WalkGrid grid, Cell from, java.util.BitSet targets, SearchBudget budget) {
        int cols = grid.cols();
        double[] d = new double[grid.rows() * cols];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        if (!grid.walkable(from)) {
            return d;
        }
        int start = from.row() * cols + from.col();
        d[start] = 0;
        double nearest = Double.POSITIVE_INFINITY;
        PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        open.add(new double[] {0, start});
        while (!open.isEmpty()) {
            double[] top = open.poll();
            int cur = (int) top[1];
            if (top[0] > d[cur]) {
                continue;
            }
            if (top[0] > nearest + 1e-9) {
                break;
            }
            if (targets.get(cur) && nearest == Double.POSITIVE_INFINITY) {
                nearest = top[0];
            }
            budget.spend();
            relax(grid, cur, d, open);
        }
        return d;
    }

    /** Dijkstra's step: every neighbour of {@code cur} that gets nearer through it is queued. */
    private static void relax(WalkGrid grid, int cur, double[] d, PriorityQueue<double[]> open) {
        int cols = grid.cols();
        Cell c = new Cell(cur / cols, cur % cols);
        for (Move m : Move.values()) {
            // Moves are symmetric (the corner rule looks at the same two cells both ways).
            int ni = grid.step(c, m);
            if (ni < 0) {
                continue;
            }
            double nd = d[cur] + m.cost();
            if (nd < d[ni] - 1e-12) {
                d[ni] = nd;
                open.add(new double[] {nd, ni});
            }
        }
    }

    /** The octile distance: the shortest eight-way path length on an empty grid. */
    public static double octile(Cell a, Cell b) {
        int dr = Math.abs(a.row() - b.row());
        int dc = Math.abs(a.col() - b.col());
        return Math.max(dr, dc) + (SQRT2 - 1) * Math.min(dr, dc);
    }

    private static GridPath rebuild(int[] parent, int end, int cols, double length) {
        List<Cell> cells = new ArrayList<>();
        for (int i = end; i >= 0; i = parent[i]) {
            cells.add(new Cell(i / cols, i % cols));
        }
        Collections.reverse(cells);
        return new GridPath(cells, length);
    }
}
