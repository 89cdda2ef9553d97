package dev.worldmind.data.world;

/**
 * A point on a space's floor, in metres.
 *
 * @param x across the width
 * @param z across the depth
 */
public record Point(double x, double z) {
    public Point {
        Checks.finite(x, "x");
        Checks.finite(z, "z");
    }
}
