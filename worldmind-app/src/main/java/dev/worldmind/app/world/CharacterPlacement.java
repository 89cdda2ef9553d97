package dev.worldmind.app.world;

import dev.worldmind.data.world.Appearance;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.SpaceKind;
import java.util.Map;

/**
 * Where an AI character stands in a space and how it looks: a few metres from the first spawn point
 * towards the middle of the room, on walkable floor, facing the arrivals, so a newcomer sees it at
 * once. Stateless and thread-safe.
 */
public final class CharacterPlacement {
    /**
     * A character's spot.
     *
     * @param x the position along x, in metres
     * @param z the position along z, in metres
     * @param ry the heading, in radians (0 faces +z)
     * @param appearance how its avatar looks
     */
    public record Spot(double x, double z, double ry, Appearance appearance) {}

    /** How far from the spawn point the character stands, in metres. */
    static final double DISTANCE = 3.0;

    private static final Map<SpaceKind, Appearance> LOOKS =
            Map.of(
                    SpaceKind.PLAZA, new Appearance("#e07a2f", "#f1c27d", "#ffffff", "round", 1.05),
                    SpaceKind.MUSEUM, new Appearance("#5b3f8c", "#d9a877", "#e8c547", "slim", 1.1),
                    SpaceKind.CLASSROOM,
                            new Appearance("#2f6f4f", "#8d5524", "#f4e9d8", "box", 1.05),
                    SpaceKind.SHOP, new Appearance("#b03a48", "#f1c27d", "#2d2d2d", "round", 1.0),
                    SpaceKind.CLINIC, new Appearance("#e9f1f7", "#c68642", "#2f9e8f", "slim", 1.0));

    private CharacterPlacement() {}

    /**
     * Finds the spot of a space's character.
     *
     * @param kind the space's kind
     * @param layout the space's layout
     * @return the spot, always on walkable floor
     */
    public static Spot of(SpaceKind kind, Layout layout) {
        Point spawn = layout.spawns().get(0);
        double dx = layout.width() / 2 - spawn.x();
        double dz = layout.depth() / 2 - spawn.z();
        double len = Math.hypot(dx, dz);
        double ux = len < 1e-6 ? 0 : dx / len;
        double uz = len < 1e-6 ? 1 : dz / len;
        double wantX = spawn.x() + ux * DISTANCE;
        double wantZ = spawn.z() + uz * DISTANCE;
        double[] at = nearestWalkable(layout, wantX, wantZ, spawn);
        double ry = Math.atan2(spawn.x() - at[0], spawn.z() - at[1]);
        return new Spot(at[0], at[1], ry, LOOKS.getOrDefault(kind, Appearance.DEFAULT));
    }

    private static double[] nearestWalkable(Layout layout, double x, double z, Point fallback) {
        if (layout.isWalkable(x, z)) {
            return new double[] {x, z};
        }
        for (double r = 0.25; r <= 6; r += 0.25) {
            for (int k = 0; k < 16; k++) {
                double a = 2 * Math.PI * k / 16;
                double px = x + r * Math.cos(a);
                double pz = z + r * Math.sin(a);
                if (layout.isWalkable(px, pz)) {
                    return new double[] {px, pz};
                }
            }
        }
        return new double[] {fallback.x() + 1, fallback.z()};
    }
}
