package dev.worldmind.app.tour;

/**
 * One walked leg of a tour against its yardstick, the A* path with no one in the way.
 *
 * @param stop the stop it led to, from 1
 * @param item the exhibit's id
 * @param walked how far the guide walked, in metres
 * @param shortest the A* length from the leg's start, in metres
 * @param planner who finished the leg: {@link Navigator#POLICY} or {@link Navigator#ASTAR}
 */
public record Leg(int stop, String item, double walked, double shortest, String planner) {
    /** Walked over shortest (1 when the leg had no length). */
    public double ratio() {
        return shortest <= 0 ? 1 : walked / shortest;
    }
}
