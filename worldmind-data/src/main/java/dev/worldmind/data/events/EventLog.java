package dev.worldmind.data.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour event log in the database: append-only, read oldest first. On the server's hot path
 * use an {@link EventWriter} in front of it, which appends in batches off the caller's thread.
 */
public final class EventLog {
    /** How many rows an export reads from the database at a time. */
    public static final int EXPORT_FETCH_SIZE = 500;

    private static final String INSERT =
            "INSERT INTO events (at, account_id, username, space, kind, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";

    private final Database db;

    /**
     * Creates the log.
     *
     * @param db the open database
     */
    public EventLog(Database db) {
        this.db = db;
    }

    /**
     * Appends one event in its own transaction.
     *
     * @param event the event (its id is ignored)
     * @return the id the log gave it
     */
    public long append(BehaviourEvent event) {
        return Jdbc.run(
                db,
                "append a " + event.kind().value() + " event",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                        bind(ps, event);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return keys.getLong(1);
                        }
                    }
                });
    }

    /**
     * Appends events in one transaction, as one JDBC batch: all of them or none.
     *
     * @param events the events, in order (their ids are ignored)
     */
    public void appendAll(List<BehaviourEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Jdbc.transaction(
                db,
                "append " + events.size() + " events",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                        for (BehaviourEvent event : events) {
                            bind(ps, event);
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    }
                });
    }

    /**
     * Reads the events a query matches, oldest first (by time, then id).
     *
     * @param query the filters and limit
     * @return the events
     */
    public List<BehaviourEvent> query(EventQuery query) {
        return Jdbc.run(
                db,
                "query events",
                c -> {
                    try (PreparedStatement ps = EventSql.select(c, query)) {
                        List<BehaviourEvent> events = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                events.add(read(rs));
                            }
                        }
                        return events;
                    }
                });
    }

    /**
     * Writes the events a query matches to a stream, oldest first, reading them from the database a
     * batch at a time (never all at once). The stream is flushed, not closed.
     *
     * @param query the filters and limit
     * @param format CSV or JSON Lines
     * @param out where to write
     * @return how many events were written
     * @throws UncheckedIOException when writing to the stream fails
     */
    public long export(EventQuery query, ExportFormat format, OutputStream out) {
        return Jdbc.run(
                db,
                "export events",
                c -> {
                    // PostgreSQL streams with a cursor only inside a transaction.
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = EventSql.select(c, query);
                            EventExporter writer = EventExporter.of(format, out)) {
                        ps.setFetchSize(EXPORT_FETCH_SIZE);
                        long rows = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                writer.write(read(rs));
                                rows++;
                            }
                        }
                        return rows;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the event export", e);
                    } finally {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                });
    }

    /** Returns the number of events in the log. */
    public long count() {
        return Jdbc.run(
                db,
                "count events",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events");
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    private static void bind(PreparedStatement ps, BehaviourEvent event) throws SQLException {
        Jdbc.setInstant(ps, 1, event.at());
        Jdbc.setLong(ps, 2, event.accountId());
        ps.setString(3, event.username());
        ps.setString(4, event.space());
        ps.setString(5, event.kind().value());
        ps.setString(6, Jdbc.json(event.payload()));
    }

    private static BehaviourEvent read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new BehaviourEvent(
                id,
                Jdbc.getInstant(rs, "at"),
                Jdbc.getLong(rs, "account_id"),
                rs.getString("username"),
                rs.getString("space"),
                EventKind.fromValue(rs.getString("kind")),
                Jdbc.parse(rs.getString("payload"), ObjectNode.class, "payload of event " + id));
    }
}
