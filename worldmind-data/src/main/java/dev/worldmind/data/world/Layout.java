package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A space's floor plan: a {@code width} by {@code depth} metre rectangle with x in [0, width] and z
 * in [0, depth], where avatars appear at the spawns, are kept out of the obstacles, and find
 * portals and items. A valid layout has at least one spawn and every spawn is walkable, and stays
 * within {@link LayoutLimits}.
 *
 * @param width the size along x, in metres
 * @param depth the size along z, in metres
 * @param spawns where avatars appear (at least one, all walkable)
 * @param obstacles boxes avatars cannot walk through
 * @param portals ways to other spaces, with unique ids
 * @param items things to look at, like or buy, with unique ids
 */
public record Layout(
        double width,
        double depth,
        List<Point> spawns,
        List<Obstacle> obstacles,
        List<Portal> portals,
        List<Item> items) {
    /** How far an avatar's centre stays from walls and obstacles, in metres. */
    public static final double AVATAR_RADIUS = 0.3;

    public Layout {
        Checks.positive(width, "a layout's width");
        Checks.positive(depth, "a layout's depth");
        if (width < 2 * AVATAR_RADIUS || depth < 2 * AVATAR_RADIUS) {
            throw new InvalidDataException(
                    "a layout must be at least " + 2 * AVATAR_RADIUS + " m wide and deep");
        }
        spawns = List.copyOf(spawns);
        obstacles = obstacles == null ? List.of() : List.copyOf(obstacles);
        portals = portals == null ? List.of() : List.copyOf(portals);
        items = items == null ? List.of() : List.copyOf(items);
        // Before any per-spawn or per-cell work: a layout past the limits costs nothing more.
        LayoutLimits.check(
                width, depth, spawns.size(), obstacles.size(), portals.size(), items.size());
        if (spawns.isEmpty()) {
            throw new InvalidDataException("a layout needs at least one spawn point");
        }
        for (Point p : spawns) {
            if (!walkable(width, depth, obstacles, p.x(), p.z())) {
                throw new InvalidDataException(
                        "the spawn point (" + p.x() + ", " + p.z() + ") is not walkable");
            }
        }
        unique(portals.stream().map(Portal::id).toList(), "portal");
        unique(items.stream().map(Item::id).toList(), "item");
    }

    /**
     * Tells whether an avatar can stand at a point: inside the bounds at least {@link
     * #AVATAR_RADIUS} from every edge, and outside every obstacle grown by that radius. Exactly
     * that distance from an edge or obstacle is walkable.
     *
     * @param x the point's x
     * @param z the point's z
     */
    public boolean isWalkable(double x, double z) {
        return walkable(width, depth, obstacles, x, z);
    }

    /**
     * Samples walkability on a grid of square cells, for navigation and learning: a cell is
     * walkable when its centre is. Cells cover the whole floor; the last row and column may stick
     * out past the far edges (their centres, if outside, are not walkable).
     *
     * @param cellSize the cell's side, in metres
     * @return {@code grid[row][col]}, the row along z and the column along x
     * @throws InvalidDataException when the grid would have more than {@link
     *     LayoutLimits#MAX_GRID_CELLS} cells
     */
    public boolean[][] walkableGrid(double cellSize) {
        Checks.positive(cellSize, "the cell size");
        // The small tolerance keeps 1.1 / 0.1 = 11.000000000000002 from adding a 12th column.
        int cols = Math.max(1, (int) Math.ceil(width / cellSize - 1e-9));
        int rows = Math.max(1, (int) Math.ceil(depth / cellSize - 1e-9));
        if ((long) cols * rows > LayoutLimits.MAX_GRID_CELLS) {
            throw new InvalidDataException(
                    "a walkable grid of "
                            + cols
                            + " x "
                            + rows
                            + " cells is more than "
                            + LayoutLimits.MAX_GRID_CELLS
                            + " cells; choose bigger cells");
        }
        boolean[][] grid = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = isWalkable((c + 0.5) * cellSize, (r + 0.5) * cellSize);
            }
        }
        return grid;
    }

    /**
     * Finds a portal by id.
     *
     * @param id the portal's id
     */
    public Optional<Portal> portal(String id) {
        return portals.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Finds an item by id.
     *
     * @param id the item's id
     */
    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static boolean walkable(
            double width, double depth, List<Obstacle> obstacles, double x, double z) {
        if (!(x >= AVATAR_RADIUS
                && x <= width - AVATAR_RADIUS
                && z >= AVATAR_RADIUS
                && z <= depth - AVATAR_RADIUS)) {
            return false; // also false for NaN
        }
        for (Obstacle o : obstacles) {
            if (o.blocks(x, z, AVATAR_RADIUS)) {
                return false;
            }
        }
        return true;
    }

    private static void unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new InvalidDataException("two " + what + "s have the id " + id);
            }
        }
    }
}
