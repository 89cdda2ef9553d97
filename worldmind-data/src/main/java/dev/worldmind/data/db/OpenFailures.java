package dev.worldmind.data.db;

import java.sql.SQLException;

/** Turns the drivers' failures to connect into messages that say what to do. */
final class OpenFailures {
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private OpenFailures() {}

    /** Names the database for a message: the H2 file, or the PostgreSQL URL. */
    static String where(DatabaseConfig config) {
        String url = config.url();
        if (config.dialect() == Dialect.H2) {
            int settings = url.indexOf(';');
            String name = settings < 0 ? url : url.substring(0, settings);
            name = name.substring("jdbc:h2:".length());
            return name.startsWith("file:") ? name.substring("file:".length()) + ".mv.db" : name;
        }
        return url;
    }

    static DatabaseException explain(DatabaseConfig config, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String where = where(config);
        if (sql == null) {
            return new DatabaseException(
                    "cannot open the database " + where + ": " + failure, failure);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (config.dialect() == Dialect.H2 && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new DatabaseException(
                    "the database "
                            + where
                            + " is in use by another Worldmind process (stop it, or use the admin"
                            + " API)",
                    sql);
        }
        if (config.dialect() == Dialect.POSTGRESQL) {
            if (state.startsWith("08")) {
                return new DatabaseException(
                        "cannot reach PostgreSQL at "
                                + where
                                + " ("
                                + sql.getMessage()
                                + "); is the server running and the host and port right?",
                        sql);
            }
            if (state.startsWith("28")) {
                return new DatabaseException(
                        "PostgreSQL at "
                                + where
                                + " refused the user '"
                                + config.user()
                                + "': check the user name and password",
                        sql);
            }
            if (state.equals("3D000")) {
                return new DatabaseException(
                        "PostgreSQL has no database named in "
                                + where
                                + "; create it (CREATE DATABASE ... OWNER "
                                + config.user()
                                + ")",
                        sql);
            }
        }
        return new DatabaseException(
                "cannot open the database " + where + ": " + sql.getMessage(), sql);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
