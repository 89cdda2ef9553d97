package dev.worldmind.data.jobs;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The job queue in the database. Identical requests (same kind and settings) are deduplicated while
 * one is queued, running or blocked; the runner claims the next queued job by priority, reports
 * progress and ends it; a job that was running when its process died is queued again by {@link
 * #requeueInterrupted()}.
 *
 * <pre>{@code
 * JobStore jobs = new JobStore(db);
 * Job job = jobs.enqueue(new JobRequest("train", "{\"dataset\":\"mnist\"}", "keras-cnn", null, 10, "ada")).job();
 * jobs.claimNext().ifPresent(j -> jobs.finish(j.id(), JobState.DONE, "keras-cnn:1", null));
 * }</pre>
 */
public final class JobStore {
    private static final String COLUMNS = JobSql.COLUMNS;

    private final Database db;
    private final JobAdmission admission;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public JobStore(Database db) {
        this.db = db;
        this.admission = new JobAdmission(db);
    }

    /**
     * A queued job, or the identical one that already held its place.
     *
     * @param job the job
     * @param deduplicated whether it was already there
     */
    public record Enqueued(Job job, boolean deduplicated) {}

    /**
     * Queues a job unless an identical one is queued, running or blocked.
     *
     * @param request the job
     * @return the new job, or the identical one
     */
    public Enqueued enqueue(JobRequest request) {
        return admission.enqueue(request);
    }

    /**
     * Finds a job.
     *
     * @param id its id
     * @return the job, or empty
     */
    public Optional<Job> find(long id) {
        return one("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", "find job " + id, id);
    }

    /**
     * Returns a job.
     *
     * @param id its id
     * @return the job
     * @throws NotFoundException when there is none
     */
    public Job get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("no job " + id));
    }

    /**
     * Lists the newest jobs.
     *
     * @param limit the most to return
     * @return the jobs, newest first
     */
    public List<Job> list(int limit) {
        return many("SELECT " + COLUMNS + " FROM jobs ORDER BY id DESC", limit);
    }

    /**
     * Lists the jobs in one state, in the order they would run.
     *
     * @param state the state
     * @return the jobs
     */
    public List<Job> inState(JobState state) {
        return many(
                "SELECT "
                        + COLUMNS
                        + " FROM jobs WHERE state = '"
                        + state.id()
                        + "' ORDER BY priority, id",
                10_000);
    }

    /**
     * Counts the jobs that hold a place (queued, running or blocked).
     *
     * @param requestedBy only those someone asked for, or null for all
     * @return how many
     */
    public int countActive(String requestedBy) {
        return Jdbc.run(
                db,
                "count active jobs",
                c -> {
                    String sql =
                            "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running',"
                                    + " 'blocked')"
                                    + (requestedBy == null ? "" : " AND requested_by = ?");
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        if (requestedBy != null) {
                            ps.setString(1, requestedBy);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                });
    }

    /**
     * Takes the next queued job (lowest priority, then oldest) and marks it running.
     *
     * @return the job, now running, or empty when nothing is queued
     */
    public Optional<Job> claimNext() {
        for (Job candidate : inState(JobState.QUEUED)) {
            Instant now = Jdbc.now();
            int n =
                    update(
                            "UPDATE jobs SET state = 'running', attempts = attempts + 1,"
                                    + " cancel_requested = FALSE, problem = NULL, fix = NULL,"
                                    + " started_at = ?, ended_at = NULL, updated_at = ? WHERE id"
                                    + " = ? AND state = 'queued'",
                            now,
                            now,
                            candidate.id());
            if (n == 1) {
                return Optional.of(get(candidate.id()));
            }
        }
        return Optional.empty();
    }

    /**
     * Records how far a running job is.
     *
     * @param id the job
     * @param progress in [0, 1]
     * @param stage what it is doing, or null
     * @param etaSeconds the estimated seconds left, or null
     */
    public void progress(long id, double progress, String stage, Long etaSeconds) {
        double p = Double.isFinite(progress) ? Math.max(0, Math.min(1, progress)) : 0;
        update(
                "UPDATE jobs SET progress = ?, stage = ?, eta_seconds = ?, updated_at = ? WHERE id"
                        + " = ? AND state = 'running'",
                p,
                JobText.cut(stage, 200),
                etaSeconds,
                Jdbc.now(),
                id);
    }

    /**
     * Ends a running job.
     *
     * @param id the job
     * @param state {@link JobState#DONE}, {@link JobState#FAILED} or {@link JobState#CANCELLED}
     * @param output what it produced, or null
     * @param problem why it failed, or null
     */
    public void finish(long id, JobState state, String output, String problem) {
        if (state.active()) {
            throw new IllegalArgumentException("a job ends done, failed or cancelled: " + state);
        }
        Instant now = Jdbc.now();
        update(
                "UPDATE jobs SET state = ?, active_key = NULL, output = ?, problem = ?,"
                        + " progress = CASE WHEN ? THEN 1 ELSE progress END, eta_seconds = NULL,"
                        + " stage = NULL,"
                        + " ended_at = ?, updated_at = ? WHERE id = ?",
                state.id(),
                JobText.cut(output, 200),
                JobText.cut(problem, 2000),
                state == JobState.DONE,
                now,
                now,
                id);
    }

    /**
     * Marks a job blocked: it waits for something a person must provide, and keeps its place.
     *
     * @param id the job
     * @param problem what is missing
     * @param fix what a person can do
     */
    public void block(long id, String problem, String fix) {
        update(
                "UPDATE jobs SET state = 'blocked', problem = ?, fix = ?, eta_seconds = NULL,"
                        + " updated_at = ? WHERE id = ?",
                JobText.cut(problem, 2000),
                JobText.cut(fix, 2000),
                Jdbc.now(),
                id);
    }

    /**
     * Cancels a job: a queued or blocked one at once, a running one when its runner next checks.
     *
     * @param id the job
     * @return the job after the request
     * @throws NotFoundException when there is no such job
     * @throws IllegalStateException when it has already ended
     */
    public Job cancel(long id) {
        Job job = get(id);
        Instant now = Jdbc.now();
        switch (job.state()) {
            case QUEUED, BLOCKED -> {
                int n =
                        update(
                                "UPDATE jobs SET state = 'cancelled', active_key = NULL, ended_at"
                                        + " = ?, updated_at = ? WHERE id = ? AND state = ?",
                                now,
                                now,
                                id,
                                job.state().id());
                return n == 1 ? get(id) : cancel(id);
            }
            case RUNNING -> {
                update(
                        "UPDATE jobs SET cancel_requested = TRUE, updated_at = ? WHERE id = ?",
                        now,
                        id);
                return get(id);
            }
            default ->
                    throw new IllegalStateException(
                            "job "
                                    + id
                                    + " is "
                                    + job.state().id()
                                    + "; there is nothing to cancel");
        }
    }

    /**
     * Whether a person asked this running job to stop.
     *
     * @param id the job
     * @return true when cancellation was requested
     */
    public boolean cancelRequested(long id) {
        return find(id).map(j -> j.cancelRequested() || j.state() == JobState.CANCELLED)
                .orElse(true);
    }

    /**
     * Queues a failed, cancelled or blocked job again. When an identical job has taken its place
     * meanwhile, that one is returned instead.
     *
     * @param id the job
     * @return the job that now holds the place
     * @throws NotFoundException when there is no such job
     * @throws IllegalStateException when it is queued, running or done
     */
    public Enqueued retry(long id) {
        return admission.requeue(get(id));
    }

    /**
     * Queues again every job that was running when its process stopped (the runner calls this
     * before it starts, when no other runner uses the database).
     *
     * @return how many were queued again
     */
    public int requeueInterrupted() {
        return update(
                "UPDATE jobs SET state = 'queued', updated_at = ? WHERE state = 'running'",
                Jdbc.now());
    }

    private int update(String sql, Object... args) {
        return sql().update(sql, args);
    }

    private Optional<Job> one(String sql, String doing, Object... args) {
        return sql().one(sql, doing, args);
    }

    private List<Job> many(String sql, int limit) {
        return sql().many(sql, limit);
    }

    private JobSql sql() {
        return new JobSql(db);
    }
}
