package dev.worldmind.data.db;

import dev.worldmind.core.InvalidDataException;

/** The database products Worldmind runs on; the schema and every statement work on both. */
public enum Dialect {
    /** Embedded H2 2.x, the default: a file under the Worldmind home. */
    H2,
    /** PostgreSQL 15 or newer, for a shared server. */
    POSTGRESQL;

    /**
     * Tells which product a JDBC URL points at.
     *
     * @param url a JDBC URL
     * @return the dialect
     * @throws InvalidDataException for any other database
     */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new InvalidDataException(
                "Worldmind runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...), not "
                        + url);
    }
}
