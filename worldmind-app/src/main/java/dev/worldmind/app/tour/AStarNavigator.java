package dev.worldmind.app.tour;

import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.GridPath;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.SearchBudget;
import dev.worldmind.model.navigation.SearchBudgetExceededException;
import dev.worldmind.model.navigation.WalkGrid;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Replans the shortest path around the avatars at every step and takes its first move; waits when
 * the avatars close every way (or stand on the goal). Stateless apart from nothing: legs need no
 * memory because each step plans afresh.
 */
public final class AStarNavigator implements Navigator {
    /**
     * The most cells one step's search may expand by default: more than the biggest allowed floor
     * has (200 x 200 m at 1 m cells), so on an allowed layout only the time limit can stop it.
     */
    public static final long STEP_NODES = 50_000;

    /** The most wall time one step's search may take by default. */
    public static final Duration STEP_TIME = Duration.ofMillis(200);

    private final long maxNodes;
    private final Duration maxTime;
    private long gaveUp;

    /** A navigator with the default step budget ({@link #STEP_NODES}, {@link #STEP_TIME}). */
    public AStarNavigator() {
        this(STEP_NODES, STEP_TIME);
    }

    /**
     * A navigator whose every step's search stops at a budget; a step that runs out waits.
     *
     * @param maxNodes the most cells one step's search may expand
     * @param maxTime the most wall time one step's search may take
     */
    public AStarNavigator(long maxNodes, Duration maxTime) {
        this.maxNodes = maxNodes;
        this.maxTime = maxTime;
    }

    @Override
    public void begin(WalkGrid grid, Cell from, Cell goal) {
        // Nothing to remember: every step replans.
    }

    @Override
    public Optional<Move> next(WalkGrid grid, Cell at, Cell goal, Set<Cell> avatars) {
        if (at.equals(goal) || avatars.contains(goal)) {
            return Optional.empty();
        }
        Optional<GridPath> path;
        try {
            path =
                    AStar.path(
                            grid, at, goal, avatars::contains, SearchBudget.of(maxNodes, maxTime));
        } catch (SearchBudgetExceededException e) {
            gaveUp++; // the character waits this step; the next one tries again
            return Optional.empty();
        }
        if (path.isEmpty() || path.get().cells().size() < 2) {
            return Optional.empty();
        }
        return Optional.of(moveBetween(at, path.get().cells().get(1)));
    }

    @Override
    public String planner() {
        return ASTAR;
    }

    @Override
    public int fallbacks() {
        return 0;
    }

    /** How many steps ran out of their search budget (and waited). */
    public long gaveUp() {
        return gaveUp;
    }

    /** The move from a cell to a neighbour. */
    static Move moveBetween(Cell from, Cell to) {
        int dr = to.row() - from.row();
        int dc = to.col() - from.col();
        for (Move m : Move.values()) {
            if (m.dr == dr && m.dc == dc) {
                return m;
            }
        }
        throw new IllegalArgumentException(from + " and " + to + " are not neighbours");
    }
}
