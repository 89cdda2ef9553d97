package dev.worldmind.app.tour;

import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.Move;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A guide leading one tour: walks to each stop, presents it, waits for the visitor to come close
 * (or for the wait to run out), goes on, and after the last stop walks back home. Time is given
 * from outside ({@link #advance}, e.g. by the server's tick); the guide moves smoothly along the
 * cell centres at its speed and asks its navigator for each next cell with the avatars' current
 * places, so it steers around people who move. Not thread-safe.
 */
public final class TourGuide {
    /** Where the guide is in its tour. */
    public enum State {
        /** On the way to a stop. */
        WALKING,
        /** Presenting a stop. */
        AT_STOP,
        /** The tour is over or cancelled; on the way home. */
        RETURNING,
        /** Back home: nothing more to do. */
        HOME
    }

    /** How far from a goal an avatar standing on it lets the guide stop instead, in cells. */
    private static final int STAND_IN = 3;

    private final WalkGrid grid;
    private final Tour tour;
    private final Navigator navigator;
    private final TourSettings settings;
    private final Point home;
    private final double homeRy;
    private final Cell homeCell;
    private final List<Leg> legs = new ArrayList<>();
    private State state = State.WALKING;
    private int stop;
    private double x;
    private double z;
    private double ry;
    private Cell cell;
    private Cell goal;
    private Point waypoint;
    private Cell waypointCell;
    private Cell legStart;
    private double legWalked;
    private double waited;
    private boolean lastStretch;

    /**
     * Starts a tour; the first event is {@link #opening()}.
     *
     * @param grid the floor
     * @param tour the stops
     * @param navigator chooses the moves
     * @param settings speed and waits
     * @param at where the guide stands now
     * @param home where it goes when the tour is over
     * @param homeRy which way it faces there, in radians
     */
    public TourGuide(
            WalkGrid grid,
            Tour tour,
            Navigator navigator,
            TourSettings settings,
            Point at,
            Point home,
            double homeRy) {
        this.grid = grid;
        this.tour = tour;
        this.navigator = navigator;
        this.settings = settings;
        this.home = home;
        this.homeRy = homeRy;
        this.homeCell = cellOf(grid, home);
        this.x = at.x();
        this.z = at.z();
        this.cell = cellOf(grid, at);
        this.waypoint = grid.centre(cell);
        this.waypointCell = cell;
        beginLeg(tour.stops().get(0).cell());
    }

    /** The walkable cell a point is in, or the nearest one. */
    public static Cell cellOf(WalkGrid grid, Point p) {
        Cell c = grid.cellAt(p.x(), p.z());
        return grid.walkable(c) ? c : grid.nearestWalkable(p.x(), p.z());
    }

    /** The event that starts the tour: walking to the first stop. */
    public TourEvent opening() {
        TourStop first = tour.stops().get(0);
        return new TourEvent(TourEvent.WALKING, first, first.invitation(), navigator.planner());
    }

    /**
     * Lets time pass.
     *
     * @param seconds how much
     * @param avatars where the avatars stand now (the visitor among them)
     * @param visitor where the visitor stands, or null when unknown
     * @return what happened, in order
     */
    public List<TourEvent> advance(double seconds, Collection<Point> avatars, Point visitor) {
        List<TourEvent> events = new ArrayList<>();
        Set<Cell> blocked = Clearance.around(grid, avatars);
        double budget = settings.speed() * seconds;
        while (budget > 1e-9) {
            if (waypoint != null) {
                double d = Math.hypot(waypoint.x() - x, waypoint.z() - z);
                if (d > 1e-6) {
                    ry = Math.atan2(waypoint.x() - x, waypoint.z() - z);
                }
                if (d > budget) {
                    x += (waypoint.x() - x) / d * budget;
                    z += (waypoint.z() - z) / d * budget;
                    break;
                }
                x = waypoint.x();
                z = waypoint.z();
                budget -= d;
                cell = waypointCell;
                waypoint = null;
                if (lastStretch) {
                    state = State.HOME;
                    ry = homeRy;
                }
            }
            if (state == State.HOME || lastStretch) {
                break;
            }
            if (state == State.AT_STOP) {
                break;
            }
            Cell target = standIn(goal, blocked);
            if (cell.equals(target)) {
                arrive(events);
                continue;
            }
            Optional<Move> m = navigator.next(grid, cell, target, blocked);
            Cell to = m.map(move -> WalkGrid.next(cell, move)).orElse(null);
            if (to == null || !grid.allowed(cell, m.get()) || blocked.contains(to)) {
                break; // someone is in the way: wait
            }
            waypointCell = to;
            waypoint = grid.centre(to);
            legWalked += m.get().cost() * grid.cellSize();
        }
        if (state == State.AT_STOP) {
            waited += seconds;
            boolean near =
                    visitor != null
                            && Math.hypot(visitor.x() - x, visitor.z() - z) <= settings.near();
            if (waited >= settings.dwell()
                    && (near || waited >= settings.dwell() + settings.patience())) {
                goOn(events);
            }
        }
        return events;
    }

    /** Ends the tour early (the visitor left): the guide walks home. */
    public void cancel() {
        if (state == State.WALKING || state == State.AT_STOP) {
            state = State.RETURNING;
            beginLeg(homeCell);
        }
    }

    private void arrive(List<TourEvent> events) {
        if (state == State.RETURNING) {
            lastStretch = true;
            waypoint = home;
            waypointCell = cell;
            return;
        }
        TourStop s = tour.stops().get(stop);
        Item item = s.item();
        ry = Math.atan2(item.x() - x, item.z() - z);
        legs.add(
                new Leg(
                        s.index(),
                        item.id(),
                        legWalked,
                        AStar.path(grid, legStart, s.cell()).map(p -> p.metres(grid)).orElse(0.0),
                        navigator.planner()));
        state = State.AT_STOP;
        waited = 0;
        events.add(new TourEvent(TourEvent.AT_STOP, s, s.presentation(), navigator.planner()));
    }

    private void goOn(List<TourEvent> events) {
        if (stop + 1 < tour.size()) {
            stop++;
            TourStop s = tour.stops().get(stop);
            state = State.WALKING;
            beginLeg(s.cell());
            events.add(new TourEvent(TourEvent.WALKING, s, s.invitation(), navigator.planner()));
        } else {
            TourStop last = tour.stops().get(stop);
            events.add(
                    new TourEvent(
                            TourEvent.FINISHED,
                            last,
                            "That was our last exhibit. Thank you for coming along!",
                            navigator.planner()));
            state = State.RETURNING;
            beginLeg(homeCell);
        }
    }

    private void beginLeg(Cell to) {
        goal = to;
        Cell from = waypoint != null ? waypointCell : cell;
        legStart = from;
        legWalked = 0;
        navigator.begin(grid, from, to);
    }

    /**
     * The goal, or when an avatar stands on or beside it, the nearest free cell within {@value
     * #STAND_IN} cells of it (so a visitor waiting at an exhibit does not keep the guide away).
     */
    private Cell standIn(Cell wanted, Set<Cell> blocked) {
        if (!blocked.contains(wanted)) {
            return wanted;
        }
        Cell best = wanted;
        double bestD = Double.MAX_VALUE;
        for (int dr = -STAND_IN; dr <= STAND_IN; dr++) {
            for (int dc = -STAND_IN; dc <= STAND_IN; dc++) {
                Cell c = new Cell(wanted.row() + dr, wanted.col() + dc);
                if (grid.walkable(c) && !blocked.contains(c)) {
                    double d = AStar.octile(wanted, c) + 1e-3 * AStar.octile(cell, c);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
            }
        }
        return best;
    }

    /** Where it is now. */
    public State state() {
        return state;
    }

    /** Whether a tour is running (walking to or presenting a stop). */
    public boolean touring() {
        return state == State.WALKING || state == State.AT_STOP;
    }

    /** Its position along x, in metres. */
    public double x() {
        return x;
    }

    /** Its position along z, in metres. */
    public double z() {
        return z;
    }

    /** Its heading, in radians (0 faces +z). */
    public double ry() {
        return ry;
    }

    /** The cell it stands on or last left. */
    public Cell cell() {
        return cell;
    }

    /** The tour. */
    public Tour tour() {
        return tour;
    }

    /** The legs walked so far, with their yardsticks. */
    public List<Leg> legs() {
        return List.copyOf(legs);
    }

    /** How often the navigator fell back to A* on this guide's legs. */
    public int fallbacks() {
        return navigator.fallbacks();
    }
}
