package dev.worldmind.data.world;

/**
 * An axis-aligned box that avatars cannot walk through, given by its centre and size in metres.
 *
 * @param kind what the client draws, e.g. {@code "fountain"} (free-form; unknown kinds are boxes)
 * @param x the centre across the width
 * @param z the centre across the depth
 * @param w the size along x
 * @param d the size along z
 * @param h the height (drawing only; walking is 2D)
 */
public record Obstacle(String kind, double x, double z, double w, double d, double h) {
    public Obstacle {
        Checks.text(kind, "an obstacle kind", 40);
        Checks.finite(x, "an obstacle's x");
        Checks.finite(z, "an obstacle's z");
        Checks.positive(w, "an obstacle's width");
        Checks.positive(d, "an obstacle's depth");
        Checks.positive(h, "an obstacle's height");
    }

    /**
     * Tells whether a point is strictly inside this box grown by a margin on every side (a point on
     * the grown box's edge is outside).
     *
     * @param px the point's x
     * @param pz the point's z
     * @param margin how much to grow the box, e.g. the avatar radius
     */
    public boolean blocks(double px, double pz, double margin) {
        return Math.abs(px - x) < w / 2 + margin && Math.abs(pz - z) < d / 2 + margin;
    }
}
