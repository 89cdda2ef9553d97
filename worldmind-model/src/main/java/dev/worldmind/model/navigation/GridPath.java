package dev.worldmind.model.navigation;

import dev.worldmind.data.world.Point;
import java.util.List;

/**
 * A path over a grid, start and goal included.
 *
 * @param cells the cells in order
 * @param length its length in cells (1 per straight move, √2 per diagonal)
 */
public record GridPath(List<Cell> cells, double length) {
    public GridPath {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a path has at least its start");
        }
    }

    /** The path's length in metres on a grid. */
    public double metres(WalkGrid grid) {
        return length * grid.cellSize();
    }

    /** The cells' centres on the floor. */
    public List<Point> points(WalkGrid grid) {
        return cells.stream().map(grid::centre).toList();
    }
}
