package dev.worldmind.data.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a flagged message stands. Stored, and written in JSON, as its lowercase name. */
public enum FlagStatus {
    /** Withheld, waiting for a moderator. */
    PENDING,
    /** A moderator let it through. */
    APPROVED,
    /** A moderator confirmed it stays withheld. */
    REJECTED;

    /** Returns the lowercase name used in JSON and the database, e.g. {@code "pending"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
