package dev.worldmind.app.tour;

import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a walking character's moves from cell to cell towards a goal, one step at a time, so
 * every step can take the avatars' latest positions into account. A navigator keeps what it learned
 * about the current leg (e.g. whether it had to fall back): one per character.
 */
public interface Navigator {
    /** What {@link #planner()} says of a learned policy. */
    String POLICY = "policy";

    /** What {@link #planner()} says of A*. */
    String ASTAR = "astar";

    /**
     * Starts a leg.
     *
     * @param grid the floor
     * @param from where the leg starts
     * @param goal where it ends
     */
    void begin(WalkGrid grid, Cell from, Cell goal);

    /**
     * The next move of the current leg; the caller makes it.
     *
     * @param grid the floor
     * @param at the character's cell
     * @param goal the goal's cell
     * @param avatars cells taken by avatars (and their close surroundings): never entered
     * @return the move, or empty when the character is stuck and should wait
     */
    Optional<Move> next(WalkGrid grid, Cell at, Cell goal, Set<Cell> avatars);

    /** Who chooses the moves of the current leg now: {@link #POLICY} or {@link #ASTAR}. */
    String planner();

    /** How many legs had to fall back to A* so far (0 for A* itself). */
    int fallbacks();
}
