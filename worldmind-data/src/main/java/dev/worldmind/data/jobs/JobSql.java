package dev.worldmind.data.jobs;

import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The job table's statements: binding arguments and reading rows into {@link Job}s. */
final class JobSql {
    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS =
            "id, kind, settings, title, feature, priority, state, progress, stage, eta_seconds,"
                    + " problem, fix, output, attempts, cancel_requested, requested_by, created_at,"
                    + " started_at, ended_at, updated_at";

    private final Database db;

    JobSql(Database db) {
        this.db = db;
    }

    int update(String sql, Object... args) {
        return Jdbc.run(
                db,
                "update jobs",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bind(ps, args);
                        return ps.executeUpdate();
                    }
                });
    }

    Optional<Job> one(String sql, String doing, Object... args) {
        return Jdbc.run(
                db,
                doing,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bind(ps, args);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                        }
                    }
                });
    }

    List<Job> many(String sql, int limit) {
        return Jdbc.run(
                db,
                "list jobs",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setMaxRows(limit);
                        List<Job> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next() && out.size() < limit) {
                                out.add(read(rs));
                            }
                        }
                        return out;
                    }
                });
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                ps.setNull(at, Types.NULL);
            } else if (a instanceof Instant t) {
                Jdbc.setInstant(ps, at, t);
            } else if (a instanceof Long l) {
                ps.setLong(at, l);
            } else if (a instanceof Double d) {
                ps.setDouble(at, d);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(at, b);
            } else if (a instanceof Integer n) {
                ps.setInt(at, n);
            } else {
                ps.setString(at, a.toString());
            }
        }
    }

    static Job read(ResultSet rs) throws SQLException {
        return new Job(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("settings"),
                rs.getString("title"),
                rs.getString("feature"),
                rs.getInt("priority"),
                Jdbc.constant(JobState.class, rs.getString("state")),
                rs.getDouble("progress"),
                rs.getString("stage"),
                Jdbc.getLong(rs, "eta_seconds"),
                rs.getString("problem"),
                rs.getString("fix"),
                rs.getString("output"),
                rs.getInt("attempts"),
                rs.getBoolean("cancel_requested"),
                rs.getString("requested_by"),
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "started_at"),
                Jdbc.getInstant(rs, "ended_at"),
                Jdbc.getInstant(rs, "updated_at"));
    }
}
