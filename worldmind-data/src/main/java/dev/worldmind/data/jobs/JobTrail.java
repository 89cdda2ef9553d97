package dev.worldmind.data.jobs;

import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What jobs leave behind while they run: their log lines (the newest {@value #KEPT_LINES} of each
 * job are kept) and the points of their curves (loss, accuracy, reward, FID).
 */
public final class JobTrail {
    /** The log lines kept per job; older ones are dropped. */
    public static final int KEPT_LINES = 2000;

    /** The longest log line stored. */
    public static final int MAX_LINE = 1000;

    private final Database db;

    /**
     * Creates the trail.
     *
     * @param db the open database
     */
    public JobTrail(Database db) {
        this.db = db;
    }

    /**
     * Appends a log line.
     *
     * @param job the job
     * @param line the line (cut at {@value #MAX_LINE} characters)
     */
    public void log(long job, String line) {
        String stored = JobText.cut(line == null ? "" : line, MAX_LINE);
        Jdbc.run(
                db,
                "log a job's line",
                c -> {
                    long id;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO job_log (job_id, at, line) VALUES (?, ?, ?)",
                                    Statement.RETURN_GENERATED_KEYS)) {
                        ps.setLong(1, job);
                        Jdbc.setInstant(ps, 2, Jdbc.now());
                        ps.setString(3, stored);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    if (id % 100 == 0) {
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "DELETE FROM job_log WHERE job_id = ? AND id <= ?")) {
                            ps.setLong(1, job);
                            ps.setLong(2, id - KEPT_LINES);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    /**
     * Returns a job's last log lines.
     *
     * @param job the job
     * @param lines how many, at most
     * @return the lines, oldest first
     */
    public List<String> tail(long job, int lines) {
        return Jdbc.run(
                db,
                "read a job's log",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT line FROM job_log WHERE job_id = ? ORDER BY id DESC")) {
                        ps.setLong(1, job);
                        ps.setMaxRows(lines);
                        List<String> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next() && out.size() < lines) {
                                out.add(rs.getString(1));
                            }
                        }
                        Collections.reverse(out);
                        return out;
                    }
                });
    }

    /**
     * Adds a point to one of a job's curves.
     *
     * @param job the job
     * @param point the point
     */
    public void point(long job, JobPoint point) {
        Jdbc.run(
                db,
                "record a job's point",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO job_points (job_id, series, x, y) VALUES (?, ?, ?,"
                                            + " ?)")) {
                        ps.setLong(1, job);
                        ps.setString(2, point.series());
                        ps.setDouble(3, point.x());
                        ps.setDouble(4, point.y());
                        return ps.executeUpdate();
                    }
                });
    }

    /**
     * Returns a job's curve points in the order they were recorded.
     *
     * @param job the job
     * @param max the most to return (the first ones)
     * @return the points
     */
    public List<JobPoint> points(long job, int max) {
        return Jdbc.run(
                db,
                "read a job's points",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT series, x, y FROM job_points WHERE job_id = ? ORDER BY"
                                            + " id")) {
                        ps.setLong(1, job);
                        ps.setMaxRows(max);
                        List<JobPoint> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next() && out.size() < max) {
                                out.add(
                                        new JobPoint(
                                                rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
                            }
                        }
                        return out;
                    }
                });
    }
}
