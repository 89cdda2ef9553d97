package dev.worldmind.data.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.data.db.internal.Jdbc;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing someone did in the world. Its JSON is the protocol's {@code Event}. The payload is
 * copied on construction; treat the one returned by {@link #payload()} as read-only.
 *
 * @param id the log's id, or 0 before it is appended
 * @param at when it happened (kept to the microsecond, the precision both databases store)
 * @param accountId who did it, or null (e.g. a system event)
 * @param username their username at the time, or null
 * @param space the space it happened in, or null
 * @param kind what happened
 * @param payload the details, e.g. {@code {"text": "hello"}} for chat (an empty object if null)
 */
public record BehaviourEvent(
        long id,
        Instant at,
        Long accountId,
        String username,
        String space,
        EventKind kind,
        ObjectNode payload) {
    public BehaviourEvent {
        if (id < 0) {
            throw new IllegalArgumentException("event ids are positive (0 before append): " + id);
        }
        at = Jdbc.micros(Objects.requireNonNull(at, "at"));
        if (username != null && (username.isEmpty() || username.length() > 64)) {
            throw new IllegalArgumentException("a username is 1 to 64 characters: " + username);
        }
        if (space != null && (space.isEmpty() || space.length() > 40)) {
            throw new IllegalArgumentException("a space id is 1 to 40 characters: " + space);
        }
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy();
    }

    /**
     * Creates an event that has not been appended yet.
     *
     * @param at when it happened
     * @param accountId who did it, or null
     * @param username their username, or null
     * @param space the space, or null
     * @param kind what happened
     * @param payload the details, or null for none
     * @return the event, with id 0
     */
    public static BehaviourEvent of(
            Instant at,
            Long accountId,
            String username,
            String space,
            EventKind kind,
            ObjectNode payload) {
        return new BehaviourEvent(0, at, accountId, username, space, kind, payload);
    }

    /**
     * Returns the same event with the log's id.
     *
     * @param newId the id
     */
    public BehaviourEvent withId(long newId) {
        return new BehaviourEvent(newId, at, accountId, username, space, kind, payload);
    }
}
