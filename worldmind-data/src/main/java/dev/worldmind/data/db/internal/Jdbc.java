package dev.worldmind.data.db.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Small helpers that keep the stores' JDBC code short and uniform. */
public final class Jdbc {
    private static final ObjectWriter COMPACT =
            Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private Jdbc() {}

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, in auto-commit mode unless in a transaction
         * @return the result
         * @throws SQLException on a database error
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work on a pooled connection in auto-commit mode.
     *
     * @param db the database
     * @param doing what the work does, for the error message, e.g. {@code "save space plaza"}
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public static <T> T run(Database db, String doing, Work<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param db the database
     * @param doing what the work does, for the error message
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public static <T> T transaction(Database db, String doing, Work<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        /**
         * Binds the parameters.
         *
         * @param ps the statement
         * @throws SQLException on a database error
         */
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Updates a row, or inserts it when there is none: a portable upsert for H2 and PostgreSQL.
     * Both statements take the same parameters in the same order. When another connection inserts
     * the same key in between, the update runs again, so the last write wins.
     *
     * @param c a connection in auto-commit mode
     * @param update the {@code UPDATE} statement
     * @param insert the {@code INSERT} statement
     * @param binder binds the parameters of either
     * @throws SQLException on a database error, e.g. a missing referenced row
     */
    public static void upsert(Connection c, String update, String insert, Binder binder)
            throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(update)) {
                binder.bind(ps);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                binder.bind(ps);
                ps.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!isDuplicate(e) || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * Wraps a JDBC failure in a message that says what was being done.
     *
     * @param doing what was being done
     * @param e the failure
     * @return the exception to throw
     */
    public static DatabaseException failure(String doing, SQLException e) {
        return new DatabaseException(
                "cannot " + doing + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")",
                e);
    }

    /** Tells whether a statement failed on a unique or primary key constraint. */
    public static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Tells whether a statement failed because a referenced row does not exist. */
    public static boolean isMissingReference(SQLException e) {
        // PostgreSQL says 23503 for every foreign key violation; H2 says 23506 for a missing
        // parent.
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    /** Returns the current time at the precision both databases store (microseconds). */
    public static Instant now() {
        return micros(Instant.now());
    }

    /** Truncates an instant to microseconds, the precision both databases store. */
    public static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds an instant, or SQL NULL, as a timestamp with time zone. */
    public static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /** Reads a timestamp with time zone column as an instant, or null. */
    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Binds a nullable long. */
    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Reads a nullable long column. */
    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Writes a value as one line of JSON, the form documents are stored in. */
    public static String json(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidDataException("cannot write " + value.getClass().getName(), e);
        }
    }

    /** Reads a JSON document stored in a column. */
    public static <T> T parse(String json, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidDataException("the stored " + what + " is not valid: " + e, e);
        }
    }

    /** Returns an enum constant's stored and JSON name: its name in lowercase. */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds an enum constant by its stored or JSON name.
     *
     * @param type the enum
     * @param name the lowercase name (upper case is accepted too)
     * @param <E> the enum type
     * @return the constant
     * @throws InvalidDataException for an unknown name
     */
    public static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new InvalidDataException("unknown " + type.getSimpleName() + " '" + name + "'");
    }
}
