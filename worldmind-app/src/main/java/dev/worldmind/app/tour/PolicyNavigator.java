package dev.worldmind.app.tour;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.reinforce.ActionSpace;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.Policy;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Walks with a learned navigation policy (trained on {@link NavGrid} at 1 m cells) and hands the
 * rest of a leg to A* as soon as the policy goes wrong: a move into a wall or an avatar, back onto
 * a cell it already stood on this leg, a walk longer than {@link #DETOUR} times the A* length (plus
 * a cell), or {@link #PATIENCE} moves in a row without getting closer to the goal. The policy is
 * shared and not closed here.
 */
public final class PolicyNavigator implements Navigator {
    /** How much longer than the shortest path a leg may get before A* takes over. */
    public static final double DETOUR = 1.5;

    /** Moves in a row without getting closer before A* takes over. */
    public static final int PATIENCE = 4;

    private final Policy policy;
    private final AStarNavigator fallback = new AStarNavigator();
    private final Set<Cell> visited = new HashSet<>();
    private double[] distance;
    private int cols;
    private double shortest;
    private double walked;
    private double best;
    private int sinceCloser;
    private boolean fellBack;
    private Move last;
    private int fallbacks;

    /**
     * Wraps a policy.
     *
     * @param policy a policy with the eight {@link Move}s as actions
     * @throws InvalidDataException if its actions are not the eight moves
     */
    public PolicyNavigator(Policy policy) {
        if (!(policy.actionSpace() instanceof ActionSpace.Discrete d)
                || d.n() != Move.values().length) {
            throw new InvalidDataException(
                    "a navigation policy takes the 8 moves as actions, not "
                            + policy.actionSpace());
        }
        this.policy = policy;
    }

    @Override
    public void begin(WalkGrid grid, Cell from, Cell goal) {
        visited.clear();
        visited.add(from);
        distance = AStar.distancesTo(grid, goal);
        cols = grid.cols();
        shortest = distance[from.row() * cols + from.col()];
        best = shortest;
        walked = 0;
        sinceCloser = 0;
        fellBack = false;
        last = null;
        fallback.begin(grid, from, goal);
    }

    @Override
    public Optional<Move> next(WalkGrid grid, Cell at, Cell goal, Set<Cell> avatars) {
        if (distance == null) {
            begin(grid, at, goal);
        }
        if (fellBack || at.equals(goal)) {
            return fallback.next(grid, at, goal, avatars);
        }
        NavGrid.Memory memory = new NavGrid.Memory(last, false, visited);
        Move m =
                Move.values()[
                        policy.act(NavGrid.observe(grid, at, goal, avatars::contains, memory))];
        Cell to = WalkGrid.next(at, m);
        boolean wrong =
                !grid.allowed(at, m)
                        || avatars.contains(to)
                        || visited.contains(to)
                        || walked + m.cost() > DETOUR * shortest + 1;
        if (!wrong) {
            double d = distance[to.row() * cols + to.col()];
            if (d < best - 1e-9) {
                best = d;
                sinceCloser = 0;
            } else if (++sinceCloser >= PATIENCE) {
                wrong = true;
            }
        }
        if (wrong) {
            fellBack = true;
            fallbacks++;
            return fallback.next(grid, at, goal, avatars);
        }
        walked += m.cost();
        visited.add(to);
        last = m;
        return Optional.of(m);
    }

    @Override
    public String planner() {
        return fellBack ? ASTAR : POLICY;
    }

    @Override
    public int fallbacks() {
        return fallbacks;
    }
}
