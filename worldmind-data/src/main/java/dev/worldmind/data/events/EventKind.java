package dev.worldmind.data.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** What happened; JSON, CSV and the database use the lowercase name, e.g. {@code "item_view"}. */
public enum EventKind {
    /** Entered a space. */
    JOIN,
    /** Left a space. */
    LEAVE,
    /** Said something. */
    CHAT,
    /** Moved (sampled: at most one per avatar every 2 s). */
    MOVE,
    /** Looked at an item. */
    ITEM_VIEW,
    /** Liked an item. */
    LIKE,
    /** Bought an item. */
    PURCHASE,
    /** Talked with an AI character. */
    CONVERSATION,
    /** Kicked, muted or banned someone (payload: action and target), kept for the audit trail. */
    MODERATION;

    /** Returns the lowercase name used in JSON, CSV and the database. */
    @JsonValue
    public String value() {
        return Jdbc.name(this);
    }

    /**
     * Finds a kind by its lowercase name.
     *
     * @param value the name, e.g. {@code "item_view"}
     * @return the kind
     * @throws InvalidDataException for an unknown name
     */
    @JsonCreator
    public static EventKind fromValue(String value) {
        return Jdbc.constant(EventKind.class, value);
    }
}
