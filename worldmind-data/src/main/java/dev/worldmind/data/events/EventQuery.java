package dev.worldmind.data.events;

import dev.worldmind.core.InvalidDataException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events to read: every filter that is null matches everything. Start from {@link #all()} and
 * narrow it with the withers:
 *
 * <pre>{@code
 * EventQuery.all().withSpace("plaza").withKinds(EventKind.CHAT).withLimit(1000)
 * }</pre>
 *
 * @param from the earliest time, inclusive, or null
 * @param to the latest time, exclusive, or null
 * @param username only this user's events, or null
 * @param space only this space's events, or null
 * @param kinds only these kinds, or null (an empty set is taken as null: no filter)
 * @param limit the most events to return, positive
 */
public record EventQuery(
        Instant from, Instant to, String username, String space, Set<EventKind> kinds, int limit) {
    /** The limit of {@link #all()}: no limit in practice. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public EventQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidDataException("the range's start " + from + " is after its end " + to);
        }
        kinds = kinds == null || kinds.isEmpty() ? null : Set.copyOf(kinds);
        if (limit < 1) {
            throw new InvalidDataException("the limit must be positive, not " + limit);
        }
    }

    /** Returns the query for every event. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, NO_LIMIT);
    }

    /**
     * Returns this query from a time on.
     *
     * @param newFrom the earliest time, inclusive, or null
     */
    public EventQuery withFrom(Instant newFrom) {
        return new EventQuery(newFrom, to, username, space, kinds, limit);
    }

    /**
     * Returns this query up to a time.
     *
     * @param newTo the latest time, exclusive, or null
     */
    public EventQuery withTo(Instant newTo) {
        return new EventQuery(from, newTo, username, space, kinds, limit);
    }

    /**
     * Returns this query for one user.
     *
     * @param newUsername the username, or null for everyone
     */
    public EventQuery withUsername(String newUsername) {
        return new EventQuery(from, to, newUsername, space, kinds, limit);
    }

    /**
     * Returns this query for one space.
     *
     * @param newSpace the space id, or null for every space
     */
    public EventQuery withSpace(String newSpace) {
        return new EventQuery(from, to, username, newSpace, kinds, limit);
    }

    /**
     * Returns this query for some kinds.
     *
     * @param newKinds the kinds, or null or empty for every kind
     */
    public EventQuery withKinds(Set<EventKind> newKinds) {
        return new EventQuery(from, to, username, space, newKinds, limit);
    }

    /**
     * Returns this query for some kinds.
     *
     * @param first a kind
     * @param more more kinds
     */
    public EventQuery withKinds(EventKind first, EventKind... more) {
        return withKinds(EnumSet.of(first, more));
    }

    /**
     * Returns this query with another limit.
     *
     * @param newLimit the most events, positive
     */
    public EventQuery withLimit(int newLimit) {
        return new EventQuery(from, to, username, space, kinds, newLimit);
    }
}
