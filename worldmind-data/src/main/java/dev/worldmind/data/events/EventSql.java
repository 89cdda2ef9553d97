package dev.worldmind.data.events;

import dev.worldmind.data.db.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the statement that selects the events an {@link EventQuery} matches. */
final class EventSql {
    private EventSql() {}

    /**
     * Prepares the query's {@code SELECT}, oldest first, with its parameters bound.
     *
     * @param c the connection
     * @param q the query
     * @return the statement, for the caller to close
     */
    static PreparedStatement select(Connection c, EventQuery q) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT id, at, account_id, username, space, kind, payload FROM events"
                                + " WHERE 1 = 1");
        List<Binding> params = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            params.add((ps, i) -> Jdbc.setInstant(ps, i, q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            params.add((ps, i) -> Jdbc.setInstant(ps, i, q.to()));
        }
        if (q.username() != null) {
            sql.append(" AND username = ?");
            params.add((ps, i) -> ps.setString(i, q.username()));
        }
        if (q.space() != null) {
            sql.append(" AND space = ?");
            params.add((ps, i) -> ps.setString(i, q.space()));
        }
        if (q.kinds() != null) {
            sql.append(" AND kind IN (");
            String separator = "";
            for (EventKind kind : q.kinds()) {
                sql.append(separator).append('?');
                separator = ", ";
                params.add((ps, i) -> ps.setString(i, kind.value()));
            }
            sql.append(')');
        }
        sql.append(" ORDER BY at, id");
        if (q.limit() != EventQuery.NO_LIMIT) {
            sql.append(" LIMIT ?");
            params.add((ps, i) -> ps.setInt(i, q.limit()));
        }
        PreparedStatement ps = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).bind(ps, i + 1);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
