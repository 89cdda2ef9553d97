package dev.worldmind.data.jobs;

import dev.worldmind.core.ContentHash;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseException;
import dev.worldmind.data.db.internal.Jdbc;
import dev.worldmind.data.jobs.JobStore.Enqueued;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets a job into the queue once. A job that holds a place (queued, running or blocked) carries an
 * active key, its kind and the hash of its settings, which the table keeps unique: an identical
 * request meets the job already there instead of queueing a second one, whether it is new ({@link
 * #enqueue}) or a retry ({@link #requeue}). Losing a race to another process shows up as a
 * duplicate key and is answered with the winner. Thread-safe: each step is one statement.
 */
final class JobAdmission {
    private final Database db;
    private final JobSql sql;

    JobAdmission(Database db) {
        this.db = db;
        this.sql = new JobSql(db);
    }

    /** The key that makes identical active jobs collide: the kind and a hash of the settings. */
    static String activeKey(String kind, String settings) {
        return kind
                + ":"
                + ContentHash.of(settings.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    /** See {@link JobStore#enqueue}. */
    Enqueued enqueue(JobRequest request) {
        String key = activeKey(request.kind(), request.settings());
        for (int attempt = 0; ; attempt++) {
            Optional<Job> existing = findActive(key);
            if (existing.isPresent()) {
                return new Enqueued(existing.get(), true);
            }
            Optional<Long> id = tryInsert(request, key);
            if (id.isPresent()) {
                return new Enqueued(get(id.get()), false);
            }
            if (attempt > 2) {
                throw new IllegalStateException("cannot queue " + request.title() + ": contention");
            }
        }
    }

    /** See {@link JobStore#retry}. */
    Enqueued requeue(Job job) {
        if (!job.state().retryable()) {
            throw new IllegalStateException(
                    "job "
                            + job.id()
                            + " is "
                            + job.state().id()
                            + "; only failed, cancelled or"
                            + " blocked jobs can be retried");
        }
        String key = activeKey(job.kind(), job.settings());
        if (job.state() != JobState.BLOCKED) {
            // A blocked job still holds its key; any other lost it when it ended.
            Optional<Job> other = findActive(key);
            if (other.isPresent()) {
                return new Enqueued(other.get(), true);
            }
        }
        try {
            sql.update(
                    "UPDATE jobs SET state = 'queued', active_key = ?, problem = NULL, fix = NULL,"
                            + " cancel_requested = FALSE, eta_seconds = NULL, ended_at = NULL,"
                            + " updated_at = ? WHERE id = ? AND state = ?",
                    key,
                    Jdbc.now(),
                    job.id(),
                    job.state().id());
        } catch (DatabaseException e) {
            return findActive(key).map(j -> new Enqueued(j, true)).orElseThrow(() -> e);
        }
        return new Enqueued(get(job.id()), false);
    }

    private Optional<Long> tryInsert(JobRequest r, String key) {
        Instant now = Jdbc.now();
        return Jdbc.run(
                db,
                "queue job " + r.title(),
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO jobs (kind, settings, active_key, title, feature,"
                                            + " priority, state, progress, attempts,"
                                            + " cancel_requested, requested_by, created_at,"
                                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0,"
                                            + " FALSE, ?, ?, ?)",
                                    Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, r.kind());
                        ps.setString(2, r.settings());
                        ps.setString(3, key);
                        ps.setString(4, r.title());
                        ps.setString(5, r.feature());
                        ps.setInt(6, r.priority());
                        ps.setString(7, JobState.QUEUED.id());
                        ps.setString(8, r.requestedBy());
                        Jdbc.setInstant(ps, 9, now);
                        Jdbc.setInstant(ps, 10, now);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return Optional.of(keys.getLong(1));
                        }
                    } catch (SQLException e) {
                        if (Jdbc.isDuplicate(e)) {
                            return Optional.empty();
                        }
                        throw e;
                    }
                });
    }

    private Optional<Job> findActive(String key) {
        return sql.one(
                "SELECT " + JobSql.COLUMNS + " FROM jobs WHERE active_key = ?", "find job", key);
    }

    private Job get(long id) {
        return sql.one("SELECT " + JobSql.COLUMNS + " FROM jobs WHERE id = ?", "find job " + id, id)
                .orElseThrow(() -> new NotFoundException("no job " + id));
    }
}
