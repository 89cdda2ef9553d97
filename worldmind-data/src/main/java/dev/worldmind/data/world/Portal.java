package dev.worldmind.data.world;

/**
 * A circle on the floor that takes an avatar to another space.
 *
 * @param id unique within the space, e.g. {@code "to-museum"}
 * @param x the centre across the width
 * @param z the centre across the depth
 * @param radius how close an avatar must come, in metres
 * @param target the id of the space it leads to
 * @param label what the client shows
 */
public record Portal(String id, double x, double z, double radius, String target, String label) {
    public Portal {
        Checks.id(id, "a portal id");
        Checks.finite(x, "a portal's x");
        Checks.finite(z, "a portal's z");
        Checks.positive(radius, "a portal's radius");
        Checks.id(target, "a portal's target space");
        Checks.text(label, "a portal label", 80);
    }
}
