package dev.worldmind.app.tour;

import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.GridPath;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.Optional;
import java.util.Set;

/**
 * Replans the shortest path around the avatars at every step and takes its first move; waits when
 * the avatars close every way (or stand on the goal). Stateless apart from nothing: legs need no
 * memory because each step plans afresh.
 */
public final class AStarNavigator implements Navigator {
    @Override
    public void begin(WalkGrid grid, Cell from, Cell goal) {
        // Nothing to remember: every step replans.
    }

    @Override
    public Optional<Move> next(WalkGrid grid, Cell at, Cell goal, Set<Cell> avatars) {
        if (at.equals(goal) || avatars.contains(goal)) {
            return Optional.empty();
        }
        Optional<GridPath> path = AStar.path(grid, at, goal, avatars::contains);
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
