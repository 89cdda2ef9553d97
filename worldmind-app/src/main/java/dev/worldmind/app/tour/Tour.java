package dev.worldmind.app.tour;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Point;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.SearchBudget;
import dev.worldmind.model.navigation.SearchBudgetExceededException;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The exhibits of a space in visiting order: from the guide's cell, always the nearest exhibit not
 * yet visited (by walking distance around walls), each presented from the reachable cell nearest
 * it. Immutable.
 *
 * @param stops the stops in order
 */
public record Tour(List<TourStop> stops) {
    public Tour {
        stops = List.copyOf(stops);
        if (stops.isEmpty()) {
            throw new InvalidDataException("a tour needs at least one exhibit");
        }
    }

    /**
     * Plans a tour.
     *
     * @param grid the floor
     * @param items the exhibits
     * @param start the guide's cell
     * @return the tour
     * @throws InvalidDataException when there are no exhibits or the guide can reach none
     */
    public static Tour plan(WalkGrid grid, List<Item> items, Cell start) {
        return plan(grid, items, start, SearchBudget.unlimited());
    }

    /**
     * Plans a tour within a budget: one search from the start and one from each stop, so its cost
     * grows with the exhibits times the floor.
     *
     * @param grid the floor
     * @param items the exhibits
     * @param start the guide's cell
     * @param budget what all the searches may spend together
     * @return the tour
     * @throws InvalidDataException when there are no exhibits or the guide can reach none
     * @throws SearchBudgetExceededException when the budget runs out first
     */
    public static Tour plan(WalkGrid grid, List<Item> items, Cell start, SearchBudget budget) {
        double[] reach = AStar.distancesTo(grid, start, budget);
        List<Item> left = new ArrayList<>();
        List<Cell> leftCells = new ArrayList<>();
        for (Item item : items) {
            Cell c = nearestReachable(grid, reach, item);
            if (c != null) {
                left.add(item);
                leftCells.add(c);
            }
        }
        List<Item> order = new ArrayList<>();
        List<Cell> at = new ArrayList<>();
        Cell here = start;
        while (!left.isEmpty()) {
            BitSet targets = new BitSet();
            leftCells.forEach(c -> targets.set(index(grid, c)));
            double[] d = AStar.distancesUntilNearest(grid, here, targets, budget);
            int best = 0;
            for (int i = 1; i < left.size(); i++) {
                if (d[index(grid, leftCells.get(i))] < d[index(grid, leftCells.get(best))] - 1e-9) {
                    best = i;
                }
            }
            order.add(left.remove(best));
            here = leftCells.remove(best);
            at.add(here);
        }
        List<TourStop> stops = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            stops.add(new TourStop(order.get(i), at.get(i), i + 1, order.size()));
        }
        return new Tour(stops);
    }

    private static Cell nearestReachable(WalkGrid grid, double[] reach, Item item) {
        Cell best = null;
        double bestD = Double.MAX_VALUE;
        for (Cell c : grid.freeCells()) {
            if (!Double.isFinite(reach[index(grid, c)])) {
                continue;
            }
            Point p = grid.centre(c);
            double d = Math.hypot(p.x() - item.x(), p.z() - item.z());
            if (d < bestD - 1e-9) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int index(WalkGrid grid, Cell c) {
        return c.row() * grid.cols() + c.col();
    }

    /** How many stops it has. */
    public int size() {
        return stops.size();
    }
}
