package dev.worldmind.server.security;

import dev.worldmind.core.InvalidDataException;
import java.util.Locale;

/**
 * What a caller's credential may be used for. A login session holds every scope; an API token holds
 * the few its owner chose and never {@link #SESSION}, so a leaked script token cannot change the
 * account, make more tokens or open a world socket.
 */
public enum Scope {
    /** Reads: every {@code GET} route the account may use (but the admin API). */
    READ,
    /** The model predict routes. */
    PREDICT,
    /** The admin routes (for an admin account). */
    ADMIN,
    /** Everything else: writes, tokens, password, the world socket. Login sessions only. */
    SESSION;

    /** The lowercase name used in JSON and the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scope an API token may be given, by its lowercase name.
     *
     * @param value {@code read}, {@code predict} or {@code admin}
     * @return the scope
     * @throws InvalidDataException for any other name, {@code session} included
     */
    public static Scope grantable(String value) {
        for (Scope s : values()) {
            if (s != SESSION && s.value().equals(value)) {
                return s;
            }
        }
        throw new InvalidDataException(
                "a token's scopes are read, predict and admin; got '" + value + "'");
    }
}
