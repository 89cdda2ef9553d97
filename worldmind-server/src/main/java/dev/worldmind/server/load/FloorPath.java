package dev.worldmind.server.load;

import dev.worldmind.data.world.Layout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A walkable way across a space's floor to a point, found by breadth-first search on a grid of
 * half-metre cells (8 neighbours; a diagonal step only where both sides are open). Enough for a
 * simulated visitor to walk up to a character around the furniture.
 */
final class FloorPath {
    static final double CELL = 0.5;

    private FloorPath() {}

    /**
     * Finds the cell centres to walk through from a point to within a distance of a target.
     *
     * @param layout the space's floor
     * @param x where the walk starts
     * @param z where the walk starts
     * @param tx the target
     * @param tz the target
     * @param within how close to the target the walk should end
     * @return the points to step on, in order (empty when already there or when no way is found)
     */
    static List<double[]> find(
            Layout layout, double x, double z, double tx, double tz, double within) {
        if (Math.hypot(x - tx, z - tz) <= within) {
            return List.of();
        }
        boolean[][] open = layout.walkableGrid(CELL);
        int rows = open.length;
        int cols = open[0].length;
        int start = cell(z, rows) * cols + cell(x, cols);
        int[] from = new int[rows * cols];
        java.util.Arrays.fill(from, -2);
        from[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int at = queue.poll();
            int r = at / cols;
            int c = at % cols;
            if (Math.hypot(centre(c) - tx, centre(r) - tz) <= within && at != start) {
                return trace(from, at, cols);
            }
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int nr = r + dr;
                    int nc = c + dc;
                    if ((dr == 0 && dc == 0)
                            || nr < 0
                            || nc < 0
                            || nr >= rows
                            || nc >= cols
                            || !open[nr][nc]
                            || from[nr * cols + nc] != -2
                            || (dr != 0 && dc != 0 && !(open[r][nc] && open[nr][c]))) {
                        continue;
                    }
                    from[nr * cols + nc] = at;
                    queue.add(nr * cols + nc);
                }
            }
        }
        return List.of();
    }

    private static List<double[]> trace(int[] from, int end, int cols) {
        List<double[]> path = new ArrayList<>();
        for (int at = end; from[at] != -1; at = from[at]) {
            path.add(new double[] {centre(at % cols), centre(at / cols)});
        }
        Collections.reverse(path);
        return path;
    }

    private static int cell(double v, int n) {
        return Math.max(0, Math.min(n - 1, (int) (v / CELL)));
    }

    private static double centre(int i) {
        return (i + 0.5) * CELL;
    }
}
