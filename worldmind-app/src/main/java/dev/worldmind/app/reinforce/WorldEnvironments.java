package dev.worldmind.app.reinforce;

import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.world.Space;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.reinforce.CartPole;
import dev.worldmind.model.reinforce.Environment;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.Pendulum;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The environments known by id: {@code CartPole-v1}, {@code Pendulum-v1} and {@code
 * NavGrid-<space>} for each space of the default world (e.g. {@code NavGrid-museum}), on a grid of
 * {@value #CELL} m cells with {@value #VISITORS} standing visitors per episode.
 */
public final class WorldEnvironments {
    /** NavGrid's cell size, in metres: the world's guide walks on the same grid. */
    public static final double CELL = 1.0;

    /** Standing visitors scattered per NavGrid episode. */
    public static final int VISITORS = 6;

    /** NavGrid's time limit, in steps. */
    public static final int NAV_STEPS = 200;

    private WorldEnvironments() {}

    /** Every known id. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(CartPole.ID, Pendulum.ID));
        for (Space s : DefaultWorld.spaces()) {
            ids.add("NavGrid-" + s.id());
        }
        return ids;
    }

    /**
     * A factory of fresh copies of an environment.
     *
     * @param id the environment's id
     * @return the factory
     * @throws InvalidDataException for an unknown id, naming the known ones
     */
    public static Supplier<Environment> factory(String id) {
        return factory(id, NavGrid.Pairs.TRAINING);
    }

    /**
     * A factory of the environment for evaluation: NavGrid on its held-out start–goal pairs only;
     * the others as in training.
     *
     * @param id the environment's id
     * @return the factory
     */
    public static Supplier<Environment> evaluation(String id) {
        return factory(id, NavGrid.Pairs.HELD_OUT);
    }

    private static Supplier<Environment> factory(String id, NavGrid.Pairs pairs) {
        if (id.equals(CartPole.ID)) {
            return CartPole::new;
        }
        if (id.equals(Pendulum.ID)) {
            return Pendulum::new;
        }
        if (id.startsWith("NavGrid-")) {
            String space = id.substring("NavGrid-".length());
            for (Space s : DefaultWorld.spaces()) {
                if (s.id().equals(space)) {
                    WalkGrid grid = grid(s);
                    return () -> new NavGrid(id, grid, NAV_STEPS, VISITORS, pairs);
                }
            }
        }
        throw new InvalidDataException(
                "unknown environment '" + id + "'; known: " + String.join(", ", ids()));
    }

    /**
     * A SHA-256 of what defines an environment, for provenance: its id and, for NavGrid, the
     * walkable cells of its floor.
     *
     * @param id the environment's id
     * @return the hex digest
     */
    public static String fingerprint(String id) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Space s : DefaultWorld.spaces()) {
                if (id.equals("NavGrid-" + s.id())) {
                    WalkGrid g = grid(s);
                    for (int r = 0; r < g.rows(); r++) {
                        for (int c = 0; c < g.cols(); c++) {
                            md.update((byte) (g.walkable(r, c) ? 1 : 0));
                        }
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The navigation grid of a space.
     *
     * @param space the space
     * @return its floor at {@value #CELL} m cells
     */
    public static WalkGrid grid(Space space) {
        return WalkGrid.of(space.layout(), CELL);
    }
}
