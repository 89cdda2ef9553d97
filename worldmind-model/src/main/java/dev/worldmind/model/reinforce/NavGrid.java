package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Navigation on a space's walkable floor ({@link WalkGrid}): each episode draws a start and a goal
 * cell that are connected and at least {@link #MIN_DISTANCE} cells apart, and scatters a few
 * standing visitors (blocked cells the agent only sees when near). The agent moves one of the eight
 * {@link Move}s per step; a move into a wall or a visitor, or past one's corner, leaves it where it
 * is.
 *
 * <p>It sees only part of the world ({@link #observe}): the {@value #VIEW}×{@value #VIEW} cells
 * around it (walls and visitors), where the goal is relative to it, where it is on the floor, and a
 * little {@link Memory} of its episode.
 *
 * <p>Reward: -0.05 per cell walked (√2 for a diagonal, so the return favours A*'s shortest paths in
 * metres rather than in steps), -0.1 for a refused move, +1 on reaching the goal, plus
 * potential-based shaping {@code 0.1·(d(s) - γ·d(s'))} with {@code d} the shortest-path distance to
 * the goal around walls and visitors (Ng et al. 1999: it leaves the optimal policy unchanged). An
 * episode ends at the goal (terminated) or after {@code maxSteps} (truncated).
 */
public final class NavGrid implements Environment {
    /** The side of the square the agent sees, in cells (odd, centred on it). */
    public static final int VIEW = 11;

    /**
     * The observation's size: the view, the goal (5), the position (2), the last move (8), whether
     * the last move was blocked (1), and which of the 3×3 cells around were visited (9).
     */
    public static final int OBSERVATION_SIZE = VIEW * VIEW + 7 + 8 + 1 + 9;

    /**
     * What an agent remembers of its episode: its last successful move, whether its last try was
     * blocked, and the cells it has stood on. A deterministic policy without memory repeats a
     * blocked move forever or walks in circles; these few bits let it notice.
     *
     * @param last the last successful move, or null
     * @param blocked whether the last move was refused
     * @param visited the cells stood on this episode
     */
    public record Memory(Move last, boolean blocked, Set<Cell> visited) {
        /** Nothing remembered yet. */
        public static final Memory NONE = new Memory(null, false, Set.of());
    }

    /** The shortest start-to-goal distance drawn, in cells. */
    public static final int MIN_DISTANCE = 4;

    /** Distances in the observation are divided by this many cells. */
    static final double SCALE = 20;

    private static final double GAMMA = 0.99;

    /** The cost per cell walked: a diagonal costs √2 times a straight move, as in A*. */
    static final double STEP_COST = 0.05;

    /** The extra cost of a refused move. */
    static final double BLOCKED_COST = 0.05;

    private static final ActionSpace.Discrete ACTIONS =
            new ActionSpace.Discrete(Move.values().length);

    /**
     * Which start–goal pairs an episode may draw. A fixed tenth of all pairs (by a hash of the two
     * cells) is held out of training, so an evaluation on {@link #HELD_OUT} only meets pairs the
     * learner never trained on.
     */
    public enum Pairs {
        /** The nine tenths used in training. */
        TRAINING,
        /** The tenth kept for evaluation. */
        HELD_OUT,
        /** Any pair. */
        ALL;

        boolean admits(Cell start, Cell goal) {
            if (this == ALL) {
                return true;
            }
            long h = start.row() * 0x9E3779B97F4A7C15L + start.col() * 0xC2B2AE3D27D4EB4FL;
            h ^= goal.row() * 0x165667B19E3779F9L + goal.col() * 0xD6E8FEB86659FD93L;
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            boolean heldOut = Math.floorMod(h, 10) == 0;
            return heldOut == (this == HELD_OUT);
        }
    }

    private final String id;
    private final WalkGrid grid;
    private final Pairs pairs;
    private final int maxSteps;
    private final int visitors;
    private final Set<Cell> people = new HashSet<>();
    private final EpisodeClock clock;
    private WalkGrid episodeGrid;
    private Cell at;
    private Move last;
    private boolean lastBlocked;
    private final Set<Cell> visited = new HashSet<>();
    private Cell goal;
    private double[] distance;
    private double optimal;
    private double travelled;

    /**
     * Creates the environment.
     *
     * @param id its id, e.g. {@code NavGrid-museum}
     * @param grid the floor
     * @param maxSteps the time limit
     * @param visitors how many standing visitors to scatter per episode
     * @param pairs which start–goal pairs episodes draw
     */
    public NavGrid(String id, WalkGrid grid, int maxSteps, int visitors, Pairs pairs) {
        if (grid.freeCells().size() < 2) {
            throw new InvalidDataException("a navigation grid needs at least two walkable cells");
        }
        if (visitors < 0) {
            throw new IllegalArgumentException("visitors cannot be negative: " + visitors);
        }
        this.id = id;
        this.grid = grid;
        this.maxSteps = maxSteps;
        this.visitors = visitors;
        this.pairs = pairs;
        this.clock = new EpisodeClock(id, maxSteps);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int observationSize() {
        return OBSERVATION_SIZE;
    }

    @Override
    public ActionSpace actionSpace() {
        return ACTIONS;
    }

    @Override
    public int maxEpisodeSteps() {
        return maxSteps;
    }

    /** The floor. */
    public WalkGrid grid() {
        return grid;
    }

    /** Where the agent is. */
    public Cell position() {
        return at;
    }

    /** The episode's goal. */
    public Cell goal() {
        return goal;
    }

    /** The shortest path length from this episode's start to its goal, in cells (A*). */
    public double optimalLength() {
        return optimal;
    }

    /** The length walked so far this episode, in cells. */
    public double travelled() {
        return travelled;
    }

    @Override
    public float[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Cell> free = grid.freeCells();
        for (int attempt = 0; ; attempt++) {
            if (attempt > 100_000) {
                throw new InvalidDataException(
                        id + ": no start and goal at least " + MIN_DISTANCE + " cells apart");
            }
            people.clear();
            Cell s = free.get(random.nextInt(free.size()));
            Cell g = free.get(random.nextInt(free.size()));
            if (!pairs.admits(s, g)) {
                continue;
            }
            for (int i = 0; i < visitors; i++) {
                Cell p = free.get(random.nextInt(free.size()));
                if (!p.equals(s) && !p.equals(g)) {
                    people.add(p);
                }
            }
            WalkGrid floor = grid.blocking(people);
            double[] d = AStar.distancesTo(floor, g);
            double sd = d[index(s)];
            if (Double.isFinite(sd) && sd >= MIN_DISTANCE) {
                at = s;
                goal = g;
                distance = d;
                optimal = sd;
                episodeGrid = floor;
                break;
            }
        }
        travelled = 0;
        last = null;
        lastBlocked = false;
        visited.clear();
        visited.add(at);
        clock.start();
        return observe(episodeGrid, at, goal, c -> false, memory());
    }

    @Override
    public Step step(int action) {
        ACTIONS.check(action);
        clock.beforeStep();
        Move m = Move.values()[action];
        double before = distance[index(at)];
        double reward;
        Cell next = WalkGrid.next(at, m);
        if (episodeGrid.allowed(at, m)) {
            at = next;
            last = m;
            lastBlocked = false;
            visited.add(at);
            travelled += m.cost();
            reward = -STEP_COST * m.cost();
        } else {
            lastBlocked = true;
            reward = -STEP_COST - BLOCKED_COST;
        }
        double after = distance[index(at)];
        reward += 0.1 * (before - GAMMA * after);
        boolean reached = at.equals(goal);
        if (reached) {
            reward += 1;
        }
        boolean truncated = clock.afterStep(reached);
        return new Step(
                observe(episodeGrid, at, goal, c -> false, memory()), reward, reached, truncated);
    }

    @Override
    public Step step(float[] action) {
        throw new InvalidDataException(id + " takes discrete actions (0-7), not a vector");
    }

    /**
     * What an agent at {@code at} sees: the square of {@value #VIEW}×{@value #VIEW} cells around it
     * (1 for a wall, a cell outside the floor or a blocked one, else 0), row by row; then the
     * goal's offset (columns, rows) over {@value #SCALE}, its direction as a unit vector and its
     * straight-line distance over {@value #SCALE}; then the agent's column and row as fractions of
     * the floor; then its last successful move, one-hot (all zero at the start), a one-step memory
     * that lets a deterministic policy avoid stepping back and forth. The world calls this with the
     * avatars standing around as {@code blocked}.
     *
     * @param grid the floor
     * @param at the agent's cell
     * @param goal the goal's cell
     * @param blocked other cells to show as blocked (e.g. avatars)
     * @param memory what the agent remembers of its episode
     * @return {@link #OBSERVATION_SIZE} numbers
     */
    public static float[] observe(
            WalkGrid grid, Cell at, Cell goal, Predicate<Cell> blocked, Memory memory) {
        float[] o = new float[OBSERVATION_SIZE];
        int h = VIEW / 2;
        int k = 0;
        for (int dr = -h; dr <= h; dr++) {
            for (int dc = -h; dc <= h; dc++) {
                int r = at.row() + dr;
                int c = at.col() + dc;
                boolean free = grid.walkable(r, c) && !(blocked.test(new Cell(r, c)));
                o[k++] = free ? 0f : 1f;
            }
        }
        double dx = goal.col() - at.col();
        double dz = goal.row() - at.row();
        double len = Math.hypot(dx, dz);
        o[k++] = (float) (dx / SCALE);
        o[k++] = (float) (dz / SCALE);
        o[k++] = (float) (len == 0 ? 0 : dx / len);
        o[k++] = (float) (len == 0 ? 0 : dz / len);
        o[k++] = (float) (len / SCALE);
        o[k++] = (float) ((at.col() + 0.5) / grid.cols());
        o[k++] = (float) ((at.row() + 0.5) / grid.rows());
        if (memory.last() != null) {
            o[k + memory.last().ordinal()] = 1f;
        }
        k += 8;
        o[k++] = memory.blocked() ? 1f : 0f;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                o[k++] =
                        memory.visited().contains(new Cell(at.row() + dr, at.col() + dc)) ? 1f : 0f;
            }
        }
        return o;
    }

    private Memory memory() {
        return new Memory(last, lastBlocked, visited);
    }

    private int index(Cell c) {
        return c.row() * grid.cols() + c.col();
    }

    /** The visitors of this episode (for drawing and tests). */
    public List<Cell> visitors() {
        return new ArrayList<>(people);
    }
}
