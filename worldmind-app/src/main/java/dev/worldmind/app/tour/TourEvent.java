package dev.worldmind.app.tour;

import java.util.Objects;

/**
 * Something that happened on a tour, to tell the visitor.
 *
 * @param state {@link #WALKING}, {@link #AT_STOP} or {@link #FINISHED}
 * @param stop the stop walked to, presented, or (finished) the last one
 * @param text what the guide says
 * @param planner who leads the walk: {@link Navigator#POLICY} or {@link Navigator#ASTAR}
 */
public record TourEvent(String state, TourStop stop, String text, String planner) {
    /** Setting off for a stop. */
    public static final String WALKING = "walking";

    /** Presenting a stop. */
    public static final String AT_STOP = "at_stop";

    /** The tour is over; the guide walks home. */
    public static final String FINISHED = "finished";

    public TourEvent {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(text, "text");
    }
}
