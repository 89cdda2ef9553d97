package dev.worldmind.data.world;

/**
 * How big a {@link Layout} may be. Everything the server does per layout (sampling the floor grid,
 * planning a guide's tour, the area-of-interest grid of a tick) grows with these numbers, so they
 * bound the work one creator can ask of the world. The shipped world's largest space is 60 x 60 m
 * with 38 obstacles, 70 items and 4 portals and spawns; the limits leave several times that room.
 */
public final class LayoutLimits {
    /** The longest side, in metres: at the guide's 1 m cells, at most 40,000 cells. */
    public static final double MAX_SIDE = 200;

    /** The most obstacles: sampling a 200 x 200 m floor tests at most 20 million boxes. */
    public static final int MAX_OBSTACLES = 500;

    /** The most items (a tour visits each once). */
    public static final int MAX_ITEMS = 200;

    /** The most portals. */
    public static final int MAX_PORTALS = 32;

    /** The most spawn points. */
    public static final int MAX_SPAWNS = 32;

    /** The most cells of a sampled walkable grid, whatever the cell size asked. */
    public static final long MAX_GRID_CELLS = 4_000_000;

    private LayoutLimits() {}

    static void check(
            double width, double depth, int spawns, int obstacles, int portals, int items) {
        side(width, "wide");
        side(depth, "deep");
        count(spawns, MAX_SPAWNS, "spawns");
        count(obstacles, MAX_OBSTACLES, "obstacles");
        count(portals, MAX_PORTALS, "portals");
        count(items, MAX_ITEMS, "items");
    }

    private static void side(double metres, String what) {
        if (metres > MAX_SIDE) {
            throw new dev.worldmind.core.InvalidDataException(
                    "a layout may be at most "
                            + (int) MAX_SIDE
                            + " m "
                            + what
                            + ", not "
                            + metres
                            + " m");
        }
    }

    private static void count(int n, int max, String what) {
        if (n > max) {
            throw new dev.worldmind.core.InvalidDataException(
                    "a layout may have at most " + max + " " + what + ", not " + n);
        }
    }
}
