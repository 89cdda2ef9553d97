package dev.worldmind.app.tour;

import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The cells a walking character keeps clear of: each avatar's own cell and every cell whose centre
 * is within {@link #RADIUS} of it, so the character never stands on or brushes past someone.
 * Stateless.
 */
public final class Clearance {
    /** How close a character's cell centre may come to an avatar, in metres. */
    public static final double RADIUS = 0.8;

    private Clearance() {}

    /**
     * The cells to avoid.
     *
     * @param grid the floor
     * @param avatars where the avatars stand
     * @return the cells
     */
    public static Set<Cell> around(WalkGrid grid, Collection<Point> avatars) {
        Set<Cell> cells = new HashSet<>();
        double size = grid.cellSize();
        int reach = (int) Math.ceil(RADIUS / size) + 1;
        for (Point p : avatars) {
            Cell own = grid.cellAt(p.x(), p.z());
            cells.add(own);
            for (int dr = -reach; dr <= reach; dr++) {
                for (int dc = -reach; dc <= reach; dc++) {
                    Cell c = new Cell(own.row() + dr, own.col() + dc);
                    Point centre = grid.centre(c);
                    if (Math.hypot(centre.x() - p.x(), centre.z() - p.z()) <= RADIUS) {
                        cells.add(c);
                    }
                }
            }
        }
        return cells;
    }
}
